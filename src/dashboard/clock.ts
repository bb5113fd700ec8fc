import { expiryGraceMs, type OrderStatus, statusAt } from '../ledger/clock';

/** The clock's view of orders for one request: statuses as every read shows them (CONTRACT §4). */
export function orderClock(env: Env, nowMs = Date.now()) {
  const graceMs = expiryGraceMs(env);
  return {
    nowMs,
    /** An open order still counts transfers while its `expires_at` is at or after this instant. */
    countingSince: new Date(nowMs - graceMs).toISOString(),
    status: (row: { status: OrderStatus; expires_at: string }) => statusAt(row.status, row.expires_at, nowMs, graceMs),
  };
}

export type OrderClock = ReturnType<typeof orderClock>;
