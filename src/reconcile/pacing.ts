import type { ProviderContext } from '../providers/types';
import { retryAfterMs } from './retry-after';

export interface PacingDeps {
  fetch: typeof fetch;
  nowMs: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const liveDeps = (): PacingDeps => ({
  fetch: (input, init) => fetch(input, init),
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});

/** The provider context of one run, and what it learnt from the provider's rate limiting. */
export interface Pacer {
  ctx: ProviderContext;
  /** The Retry-After of the last 429 answer (ms), or null. */
  lastRetryAfterMs(): number | null;
  sleep(ms: number): Promise<void>;
}

/**
 * Requests of one run go out at least `spacingMs` apart (the provider's rate limit, e.g. 3 per
 * second), and after a 429 none goes out before its Retry-After has passed, whoever sends it. Every URL
 * still passes the outbound URL policy (`allowPrivateUrls` only where ALLOW_PRIVATE_ENDPOINTS is true).
 */
export function pacer(spacingMs: number, deps: PacingDeps = liveDeps(), allowPrivateUrls = false): Pacer {
  let lastSent = Number.NEGATIVE_INFINITY;
  let notBefore = 0;
  let retryAfter: number | null = null;
  const paced: typeof fetch = async (input, init) => {
    const wait = Math.max(lastSent + spacingMs, notBefore) - deps.nowMs();
    if (wait > 0) await deps.sleep(wait);
    lastSent = deps.nowMs();
    const response = await deps.fetch(input, init);
    if (response.status === 429) {
      const answeredAt = deps.nowMs();
      retryAfter = retryAfterMs(response.headers, answeredAt);
      if (retryAfter !== null) notBefore = Math.max(notBefore, answeredAt + retryAfter);
    }
    return response;
  };
  return {
    ctx: { fetch: paced, now: () => new Date(deps.nowMs()), allowPrivateUrls },
    lastRetryAfterMs: () => retryAfter,
    sleep: deps.sleep,
  };
}
