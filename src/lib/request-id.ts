import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { randomToken } from './ids';
import { contextLogger, type Logger } from './log';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's logger: every line it writes carries the request id. */
    log: Logger;
  }
}

/** Gives every request an id, echoed in `x-request-id` and carried on every log line (`c.get('log')`). */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : `req_${randomToken(10)}`;
  c.set('requestId', id);
  c.set('log', contextLogger({ requestId: id }));
  await next();
  c.res.headers.set('x-request-id', id);
};
