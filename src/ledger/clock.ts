import type { OrderStatus } from '../schemas/order';

/**
 * Expiry is decided by the clock (CONTRACT §4): a transfer reaching us up to the grace after `expiresAt`
 * still counts; past that, an open order reads `expired` whether or not anything has run since.
 */

export const DEFAULT_EXPIRY_GRACE_SECONDS = 120;

/** `EXPIRY_GRACE_SECONDS` (0..3600), or the default when unset or not a whole number in range. */
export function expiryGraceMs(env: { EXPIRY_GRACE_SECONDS?: string }): number {
  const raw = env.EXPIRY_GRACE_SECONDS?.trim();
  const value = raw ? Number(raw) : Number.NaN;
  const seconds = Number.isInteger(value) && value >= 0 && value <= 3600 ? value : DEFAULT_EXPIRY_GRACE_SECONDS;
  return seconds * 1000;
}

export const isOpen = (status: OrderStatus): boolean => status === 'pending' || status === 'partially_paid';

/** The last moment (ms) a transfer still counts toward an order expiring at `expiresAt`. */
export const lastCountingMoment = (expiresAt: string, graceMs: number): number => Date.parse(expiresAt) + graceMs;

/** The status every read shows at `nowMs`: an open order past its expiry and grace is expired. */
export function statusAt(status: OrderStatus, expiresAt: string, nowMs: number, graceMs: number): OrderStatus {
  return isOpen(status) && nowMs > lastCountingMoment(expiresAt, graceMs) ? 'expired' : status;
}

/** The clock's view of orders for one request: statuses as every read shows them (CONTRACT §4). */
export function orderClock(env: { EXPIRY_GRACE_SECONDS?: string }, nowMs = Date.now()) {
  const graceMs = expiryGraceMs(env);
  return {
    nowMs,
    /** An open order still counts transfers while its `expires_at` is at or after this instant. */
    countingSince: new Date(nowMs - graceMs).toISOString(),
    status: (row: { status: OrderStatus; expires_at: string }) => statusAt(row.status, row.expires_at, nowMs, graceMs),
  };
}

export type OrderClock = ReturnType<typeof orderClock>;
