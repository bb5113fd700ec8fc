import type { Context, MiddlewareHandler } from 'hono';
import { sha256Hex } from '../crypto/hmac';
import type { AppEnv } from './app-env';
import { clientIpBucket } from './client-ip';
import { HttpError } from './problem';

/*
 * Abuse limits use the Workers Rate Limiting binding (wrangler.toml `[[ratelimits]]`: API_RATE_LIMIT per API key on
 * the merchant API, PUBLIC_RATE_LIMIT per client IP on the public routes): a counter per key kept by the runtime
 * next to the Worker, no storage and no Durable Object on the request path. Its limit and period are fixed in
 * wrangler.toml; `RATE_LIMITS=off` turns the API and public limits off (load tests).
 */

export type RateLimitScope = 'api' | 'public';

// The bindings' period (wrangler.toml). Refusals are remembered until the end of the current wall-clock
// minute: miniflare's windows are aligned so; where the edge's are not, a client let through early is
// refused again by its first request's binding call.
const WINDOW_MS = 60_000;
export const windowEndsIn = (now: number) => WINDOW_MS - (now % WINDOW_MS);

// Keys this isolate has seen refused, until their window ends: a flood is answered from memory, without
// even a binding call per request.
const blockedUntil = new Map<string, number>();
const MEMO_MAX = 10_000;

/** Milliseconds left on a remembered refusal of `key`, or 0. */
export function blockedFor(key: string, now: number): number {
  const until = blockedUntil.get(key);
  if (until === undefined) return 0;
  if (until > now) return until - now;
  blockedUntil.delete(key);
  return 0;
}

/** Remembers `key` as refused until the current window ends; returns how long that is. */
export function block(key: string, now: number): number {
  if (blockedUntil.size >= MEMO_MAX) blockedUntil.clear();
  const left = windowEndsIn(now);
  blockedUntil.set(key, now + left);
  return left;
}

/** Whole seconds for `Retry-After`, at least 1. */
export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const BEARER_KEY = /^Bearer\s+(sk_(?:test|live)_[A-Za-z0-9]+)\s*$/i;

/** Who a request is counted against: the API key (by its hash) or the client address; null when unknown. */
async function subjectOf(c: Context<AppEnv>, scope: RateLimitScope): Promise<string | null> {
  if (scope === 'public') {
    const ip = clientIpBucket(c.req.raw.headers);
    return ip ? `ip:${ip}` : null;
  }
  // Anything that is not a well-formed key is refused by auth without a database lookup; nothing to count.
  const key = BEARER_KEY.exec(c.req.header('authorization') ?? '')?.[1];
  return key ? `key:${await sha256Hex(key)}` : null;
}

function tooMany(scope: RateLimitScope, ms: number): HttpError {
  const seconds = retryAfterSeconds(ms);
  const who = scope === 'api' ? 'this API key' : 'this address';
  return new HttpError(429, `Too many requests from ${who}; retry in ${seconds} s`, undefined, { 'retry-after': String(seconds) });
}

/** 429 problem+json with `Retry-After` once a subject exceeds its limit. Fails open if the binding errs. */
export function rateLimit(scope: RateLimitScope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const binding = scope === 'api' ? c.env.API_RATE_LIMIT : c.env.PUBLIC_RATE_LIMIT;
    if (!binding || c.env.RATE_LIMITS?.trim().toLowerCase() === 'off') return next();
    const subject = await subjectOf(c, scope);
    if (subject === null) return next();

    const now = Date.now();
    const memo = `${scope}|${subject}`;
    const left = blockedFor(memo, now);
    if (left > 0) throw tooMany(scope, left);
    let allowed: boolean;
    try {
      allowed = (await binding.limit({ key: subject })).success;
    } catch (error) {
      // Abuse limits must not become an outage of their own.
      c.get('log').warn('rate limiter unavailable; request let through', { scope, error: String(error) });
      return next();
    }
    if (!allowed) {
      const ms = block(memo, now);
      c.get('log').warn('rate limit exceeded', { scope, retryInMs: ms });
      throw tooMany(scope, ms);
    }
    return next();
  };
}
