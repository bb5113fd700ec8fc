import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { HttpError } from './problem';

export const MAX_BODY_BYTES = 64 * 1024;
// CONTRACT §1: a body is `application/json` (parameters such as charset allowed); `+json` types are other formats.
const JSON_TYPE = /^application\/json$/i;

/**
 * Guards every JSON API write before validation: 413 over 64 KiB, 415 for a body that is not JSON,
 * 400 for JSON that does not parse. The text is cached by Hono, so validators read it again for free.
 */
export const jsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, `Request body exceeds ${MAX_BODY_BYTES} bytes`);
  const text = await c.req.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) {
    throw new HttpError(413, `Request body exceeds ${MAX_BODY_BYTES} bytes`);
  }
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (text.length === 0 && mediaType === '') return next();
  if (!JSON_TYPE.test(mediaType)) throw new HttpError(415, 'Request body must be application/json');
  try {
    JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
  return next();
};
