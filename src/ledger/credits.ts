import type { Payment } from '../schemas/payment';
import type { OrderEntry } from './records';

/**
 * A transfer into one ledger's account that pays an order registered in another (a payment code paid into
 * another of the merchant's accounts, an assign across accounts, a feed that names no account): the
 * transfer's ledger keeps the payment; the order's ledger applies it once, by payment id.
 */
export interface CreditMessage {
  payment: Payment;
  countsAt: number;
  /** The order as D1 knows it, for a ledger that has not registered it yet. */
  order: OrderEntry;
}

const MAX_BACKOFF_MS = 10 * 60_000;

/** Delay before sending a credit again after `attempts` failures: 2 s doubling, at most 10 min. */
export const creditBackoff = (attempts: number): number => Math.min(2_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);

export function queueCredit(sql: SqlStorage, ledger: string, message: CreditMessage, now: number): void {
  sql.exec(
    'INSERT INTO credits_out (payment_id, ledger, message, next_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    message.payment.id,
    ledger,
    JSON.stringify(message),
    now,
  );
}

export const dueCredits = (sql: SqlStorage, now: number) =>
  sql
    .exec<{ payment_id: string; ledger: string; message: string; attempts: number }>(
      'SELECT payment_id, ledger, message, attempts FROM credits_out WHERE next_at <= ? ORDER BY next_at LIMIT 50',
      now,
    )
    .toArray()
    .map((row) => ({
      paymentId: row.payment_id,
      ledger: row.ledger,
      message: JSON.parse(row.message) as CreditMessage,
      attempts: row.attempts,
    }));

export const nextCreditTime = (sql: SqlStorage): number | null =>
  sql.exec<{ at: number | null }>('SELECT MIN(next_at) AS at FROM credits_out').one().at;

export const creditSent = (sql: SqlStorage, paymentId: string) => sql.exec('DELETE FROM credits_out WHERE payment_id = ?', paymentId);

export const creditFailed = (sql: SqlStorage, paymentId: string, attempts: number, now: number) =>
  sql.exec(
    'UPDATE credits_out SET attempts = ?, next_at = ? WHERE payment_id = ?',
    attempts + 1,
    now + creditBackoff(attempts + 1),
    paymentId,
  );

/** True (and recorded) the first time a payment is credited to one of this ledger's orders. */
export function firstCredit(sql: SqlStorage, paymentId: string, orderId: string, amount: number): boolean {
  return (
    sql.exec('INSERT INTO credits_in (payment_id, order_id, amount) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', paymentId, orderId, amount)
      .rowsWritten > 0
  );
}
