import { clientIpBucket } from '../../lib/client-ip';
import { log } from '../../lib/log';
import { block, blockedFor, retryAfterSeconds } from '../../lib/rate-limit';
import { CallbackError } from './errors';

/*
 * Failed callback authentications are limited per (client IP, provider account) (CONTRACT §6): after 20
 * failures within a minute, that IP's further requests to that account's hook URLs get 429 with
 * `Retry-After` until the window ends, before any credential check, account read or body read.
 *
 * How it counts. The `HOOK_AUTH_FAILURES` binding (wrangler.toml: limit 19, period 60) is called once for
 * each failed authentication and never for an authentic request, so it counts failures only. It answers
 * success to the first 19 calls of a key in a window and refuses the 20th and every later one. So the 20th
 * failure is still answered 401, and its refused call marks the key blocked in this isolate until the end
 * of the current minute; from the 21st request on, the key gets 429 from that memo alone. Another isolate
 * (the binding is shared, the memo is not) learns of the block from its own first failure of the key: at
 * most one more credential check per isolate per window.
 *
 * The client is CF-Connecting-IP (CONTRACT §1: Cloudflare's edge and `wrangler dev` always set it). A
 * request without it (a bare workerd, unit tests) is not limited: nobody vouches for an address.
 */

/** The limiter for one request to a hook URL of `accountId`, or null when there is nothing to count against. */
export function authLimiter(env: Env, headers: Headers, accountId: string | undefined) {
  const ip = clientIpBucket(headers);
  if (!ip || !accountId || !env.HOOK_AUTH_FAILURES) return null;
  const key = `${ip}|${accountId}`;
  const binding = env.HOOK_AUTH_FAILURES;
  return {
    /** Throws 429 while the key is blocked: the first thing a hook does, with no I/O. */
    refuseIfBlocked(now = Date.now()): void {
      const left = blockedFor(key, now);
      if (left > 0) throw tooManyFailures(left);
    },
    /** Counts one failed authentication; the 20th in a window blocks the key. Never throws. */
    async failed(now = Date.now()): Promise<void> {
      try {
        if ((await binding.limit({ key })).success) return;
      } catch (error) {
        log('warn', 'hook failure limiter unavailable', { accountId, error: String(error) });
        return;
      }
      block(key, now);
      log('warn', 'hook failures limited', { accountId });
    },
  };
}

function tooManyFailures(ms: number): CallbackError {
  const seconds = retryAfterSeconds(ms);
  return new CallbackError(429, 'TOO_MANY_FAILURES', `Too many failed authentications from this address; retry in ${seconds} s`, {
    'retry-after': String(seconds),
  });
}
