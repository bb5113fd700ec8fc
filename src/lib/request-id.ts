import type { MiddlewareHandler } from 'hono';
import { randomToken } from '../db/ids';
import type { AppEnv } from '../env';

/** Gives every request an id, echoed in `x-request-id` and carried on every log line. */
export const requestId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : `req_${randomToken(10)}`;
  c.set('requestId', id);
  await next();
  c.res.headers.set('x-request-id', id);
};
