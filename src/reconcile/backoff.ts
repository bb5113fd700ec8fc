import { ProviderError } from '../providers/errors';
import { ProviderRejection } from '../providers/outbound';
import { RateLimited } from '../providers/rate-limited';
import { DEFAULT_BACKOFF_MS, MAX_ATTEMPTS, MAX_INLINE_WAIT_MS } from './limits';
import type { Pacer } from './pacing';

/** The provider keeps limiting us, or asks for a pause longer than a run waits: the run ends until then. */
export class BackOff extends Error {
  constructor(
    readonly reason: unknown,
    readonly waitMs: number,
  ) {
    super(`${describeError(reason)} (rate limited; the next run waits ${Math.ceil(waitMs / 1000)} s)`);
  }
}

/** How long the provider asked us to wait, or null when `error` is no rate limit. */
export function rateLimitWait(error: unknown, pacer: Pacer): number | null {
  if (error instanceof RateLimited) return error.retryAfterMs ?? DEFAULT_BACKOFF_MS;
  if (error instanceof ProviderRejection && error.providerStatus === 429) return pacer.lastRetryAfterMs() ?? DEFAULT_BACKOFF_MS;
  return null;
}

/**
 * Runs one provider call (a page, an order check); a rate limit with a short Retry-After is waited
 * out and the same call made again (it has committed nothing yet), a few times at most.
 */
export async function withBackOff<T>(pacer: Pacer, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const waitMs = rateLimitWait(error, pacer);
      if (waitMs === null) throw error;
      if (attempt >= MAX_ATTEMPTS || waitMs > MAX_INLINE_WAIT_MS) throw new BackOff(error, waitMs);
      // A little past the limit, so that no request lands on its last millisecond.
      await pacer.sleep(waitMs + 100);
    }
  }
}

/** An error that says the provider cannot answer now (outage, timeout, credentials, limits), not just about one order. */
export function isSystemic(error: unknown): boolean {
  if (error instanceof BackOff) return true;
  if (error instanceof ProviderRejection) return error.providerStatus >= 500 || [401, 403, 429].includes(error.providerStatus);
  if (error instanceof ProviderError) return error.code === 'TIMEOUT' || error.code === 'NETWORK';
  return true;
}

/** What a run shows as its error: the provider's own code and message, or that something else broke. */
export function describeError(error: unknown): string {
  if (error instanceof BackOff) return error.message;
  if (error instanceof ProviderError) return error.detail;
  return 'internal error during the run (logged)';
}
