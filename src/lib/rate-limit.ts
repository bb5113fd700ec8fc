import type { Context, MiddlewareHandler } from 'hono';
import { sha256Hex } from '../crypto/hmac';
import type { AppEnv, Env } from '../env';
import { clientIpBucket } from './client-ip';
import { HttpError } from './problem';
import type { RateLimiter } from './rate-limiter';

/** Bindings and settings of the abuse limits (wrangler.toml, .dev.vars); see the README's configuration table. */
export interface RateLimitEnv {
  RATE_LIMITER?: DurableObjectNamespace<RateLimiter>;
  /** Requests per minute per API key on the merchant API (`/v1/*` but admin and `/v1/qr/*`). Default 6000 (100/s, as Stripe allows); `off` disables. */
  RATE_LIMIT_API_PER_MINUTE?: string;
  /** Requests per minute per client IP on the public routes (`/pay/*`, `/qr/*`, `/qr.svg`, `/v1/qr/*`). Default 6000; `off` disables. */
  RATE_LIMIT_PUBLIC_PER_MINUTE?: string;
}

export type RateLimitScope = 'api' | 'public';

const WINDOW_MS = 60_000;
const DEFAULTS: Record<RateLimitScope, number> = { api: 6000, public: 6000 };
const SETTING = { api: 'RATE_LIMIT_API_PER_MINUTE', public: 'RATE_LIMIT_PUBLIC_PER_MINUTE' } as const;
const BEARER_KEY = /^Bearer\s+(sk_(?:test|live)_[A-Za-z0-9]+)\s*$/i;

// Subjects this isolate already saw refused, until their window ends: a flood is answered from memory,
// without a Durable Object call per request.
const refusedUntil = new Map<string, number>();
const REFUSED_LIMIT = 10_000;

/** The configured limit, or null when limiting is off. A value that is not a positive integer keeps the default. */
export function limitFor(env: RateLimitEnv, scope: RateLimitScope): number | null {
  const raw = env[SETTING[scope]]?.trim().toLowerCase();
  if (raw === 'off' || raw === '0') return null;
  const value = raw ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULTS[scope];
}

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

function tooMany(scope: RateLimitScope, limit: number, resetInMs: number): HttpError {
  const seconds = Math.max(1, Math.ceil(resetInMs / 1000));
  const who = scope === 'api' ? 'this API key' : 'this address';
  return new HttpError(429, `More than ${limit} requests per minute from ${who}; retry in ${seconds} s`, undefined, {
    'retry-after': String(seconds),
  });
}

/** 429 problem+json with `Retry-After` once a subject exceeds its per-minute limit. Fails open if the limiter is unreachable. */
export function rateLimit(scope: RateLimitScope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const env = c.env as Env & RateLimitEnv;
    const limit = limitFor(env, scope);
    const subject = limit === null || !env.RATE_LIMITER ? null : await subjectOf(c, scope);
    if (limit === null || subject === null || !env.RATE_LIMITER) return next();

    const now = Date.now();
    const memo = `${limit}|${subject}`;
    const until = refusedUntil.get(memo);
    if (until !== undefined && until > now) throw tooMany(scope, limit, until - now);

    let decision: Awaited<ReturnType<RateLimiter['hit']>>;
    try {
      decision = await env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(subject)).hit(limit, WINDOW_MS);
    } catch (error) {
      // Abuse limits must not become an outage of their own.
      c.get('log').warn('rate limiter unavailable; request let through', { scope, error: String(error) });
      return next();
    }
    if (!decision.allowed) {
      if (refusedUntil.size >= REFUSED_LIMIT) refusedUntil.clear();
      refusedUntil.set(memo, now + decision.resetInMs);
      c.get('log').warn('rate limit exceeded', { scope, limit, retryInMs: decision.resetInMs });
      throw tooMany(scope, limit, decision.resetInMs);
    }
    return next();
  };
}
