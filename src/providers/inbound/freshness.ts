import { rejectAuth } from './errors';

/** Signed timestamps further than this from our clock (either way) are replays or broken clocks. */
export const MAX_SKEW_MS = 5 * 60_000;

export function assertFresh(signedAt: Date | null, now: Date, what: string): void {
  if (!signedAt || Number.isNaN(signedAt.getTime())) throw rejectAuth('INVALID_TIMESTAMP', `${what} is not a valid timestamp`);
  if (Math.abs(now.getTime() - signedAt.getTime()) > MAX_SKEW_MS) {
    throw rejectAuth('STALE_TIMESTAMP', `${what} is more than 5 minutes away from now`);
  }
}
