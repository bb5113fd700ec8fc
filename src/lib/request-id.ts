import type { MiddlewareHandler } from 'hono';
import { requestId as honoRequestId } from 'hono/request-id';
import type { AppEnv } from './app-env';
import { randomToken } from './ids';
import { contextLogger, type Logger } from './log';

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's logger: every line it writes carries the request id. */
    log: Logger;
  }
}

/** hono's requestId: a client's `x-request-id` of up to 64 word characters (`-`, `=` too) is kept, else `req_…` of ours. */
const assignId = honoRequestId({ limitLength: 64, generator: () => `req_${randomToken(10)}` });

/** Gives every request an id, echoed in `x-request-id` and carried on every log line (`c.get('log')`). */
export const requestId: MiddlewareHandler<AppEnv> = (c, next) =>
  assignId(c, async () => {
    const id = c.get('requestId');
    c.set('log', contextLogger({ requestId: id }));
    await next();
    // hono's sets the header on responses the context builds; problems, images and 404s are built whole, so here too.
    c.res.headers.set('x-request-id', id);
  });
