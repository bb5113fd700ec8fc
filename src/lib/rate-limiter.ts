import { DurableObject } from 'cloudflare:workers';

export interface RateDecision {
  allowed: boolean;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** Milliseconds until the window resets (the earliest a refused client should try again). */
  resetInMs: number;
}

/**
 * One counter per rate-limited subject (an API key, a client IP), named `key:<hash>` / `ip:<ip>`.
 * A fixed window held in memory only: a limiter evicted while idle has nothing worth keeping, and no
 * storage write sits on the path of every request. One subject's requests are serialised here, so the
 * count is exact; a window boundary can let a client through twice in quick succession, which abuse
 * limits can afford.
 */
export class RateLimiter extends DurableObject {
  private windowStart = 0;
  private count = 0;

  hit(limit: number, windowMs: number): RateDecision {
    const now = Date.now();
    const start = now - (now % windowMs);
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.count = 0;
    }
    const resetInMs = start + windowMs - now;
    if (this.count >= limit) return { allowed: false, remaining: 0, resetInMs };
    this.count++;
    return { allowed: true, remaining: limit - this.count, resetInMs };
  }
}
