// Retry policy of event delivery (CONTRACT §5), modelled on svix: named constants, pure functions.

/** Delay before attempt n + 1 after attempt n failed; 7 retries, 8 attempts in all. */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000, // 5 s
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  2 * 3_600_000, // 2 h
  5 * 3_600_000, // 5 h
  10 * 3_600_000, // 10 h
  10 * 3_600_000, // 10 h
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** Each delay is moved by up to ±20 %, so retries of many deliveries do not arrive in lockstep. */
export const JITTER = 0.2;
/** Any 2xx within this time is success; the rest is failure. */
export const ATTEMPT_TIMEOUT_MS = 15_000;
/** An endpoint failing every attempt for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
/** Concurrent requests one sender may have open. */
export const MAX_IN_FLIGHT = 6;

/**
 * Milliseconds to wait after attempt `attemptNumber` (1-based) failed, or null when that was the last.
 * `random` gives a number in [0, 1). A `Retry-After` (ms) is honoured within [scheduled, 2 × scheduled]:
 * a receiver may slow us down, but may neither hurry us nor park the delivery for ever.
 */
export function nextAttemptDelay(attemptNumber: number, random: () => number = Math.random, retryAfterMs?: number | null): number | null {
  const base = RETRY_DELAYS_MS[attemptNumber - 1];
  if (base === undefined) return null;
  const scheduled = Math.round(base * (1 + JITTER * (2 * random() - 1)));
  if (retryAfterMs == null || !Number.isFinite(retryAfterMs)) return scheduled;
  return Math.min(Math.max(Math.round(retryAfterMs), scheduled), 2 * scheduled);
}

/** `Retry-After` as milliseconds from `now` (ms): delta seconds or an HTTP date; null when unusable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only a date that names a weekday or month parses; a bare number with junk does not.
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** True once an endpoint has failed every attempt since `failingSince` for DISABLE_AFTER_MS. */
export function shouldDisable(failingSince: string | null, now: number): boolean {
  return failingSince !== null && now - Date.parse(failingSince) >= DISABLE_AFTER_MS;
}
