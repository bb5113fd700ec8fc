import type { MatchedBy, Payment } from '../schemas/payment';
import { type Cursor, equals, newestFirst } from './pagination';

/** A row of `payments` as D1 returns it (the projection of the ledgers' payments). */
export interface PaymentRow {
  id: string;
  merchant_id: string;
  order_id: string | null;
  provider_account_id: string;
  provider: string;
  provider_transaction_id: string;
  bank_reference: string | null;
  amount: number;
  content: string;
  account_number: string | null;
  counter_account: string | null;
  occurred_at: string;
  received_at: string;
  matched_by: MatchedBy | null;
  raw: string | null;
  /** JSON array of the payment's reports (CONTRACT §4). */
  reports: string;
  version: number;
  /** The ledger Durable Object that holds the payment (null only for rows of the first design). */
  ledger: string | null;
}

/** A row as the public Payment JSON. */
export function paymentFromRow(row: PaymentRow): Payment {
  return {
    id: row.id,
    object: 'payment',
    orderId: row.order_id,
    providerAccountId: row.provider_account_id,
    provider: row.provider,
    providerTransactionId: row.provider_transaction_id,
    bankReference: row.bank_reference,
    amount: row.amount,
    content: row.content,
    accountNumber: row.account_number,
    counterAccount: row.counter_account ? JSON.parse(row.counter_account) : null,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    matchedBy: row.matched_by,
    reports: JSON.parse(row.reports),
  };
}

export interface PaymentFilter {
  orderId?: string;
  /** Only payments that belong to no order. */
  unmatched?: boolean;
}

/** One page of the merchant's payments, newest first (`limit + 1` rows: see db/pagination). */
export function listPayments(env: Env, merchantId: string, filter: PaymentFilter, cursor: Cursor | null, limit: number) {
  const conditions = [
    equals('merchant_id', merchantId),
    equals('order_id', filter.orderId),
    filter.unmatched ? { sql: 'order_id IS NULL', params: [] } : null,
  ];
  return newestFirst<PaymentRow>(env, 'payments', conditions, 'received_at', cursor, limit);
}

/** A ledger's payments received since `since`, oldest first (a new ledger takes them over: ledger/import.ts). */
export async function paymentsOfLedger(env: Env, ledger: string, since: string, limit: number): Promise<PaymentRow[]> {
  const { results } = await env.DB.prepare('SELECT * FROM payments WHERE ledger = ? AND received_at >= ? ORDER BY received_at LIMIT ?')
    .bind(ledger, since, limit)
    .all<PaymentRow>();
  return results;
}

/** The merchant's payment, or null (another merchant's is as absent as a missing one). */
export function getPayment(env: Env, merchantId: string, id: string): Promise<PaymentRow | null> {
  return env.DB.prepare('SELECT * FROM payments WHERE id = ? AND merchant_id = ?').bind(id, merchantId).first<PaymentRow>();
}

export interface DayTotal {
  /** The Vietnamese calendar day (UTC+7), `2026-11-21`. */
  day: string;
  amount: number;
  count: number;
}

/** Money received per Vietnamese day since `since` (every payment: matched or not, it is on the statement). */
export async function receivedByDay(env: Env, merchantId: string, since: string): Promise<DayTotal[]> {
  const { results } = await env.DB.prepare(
    `SELECT strftime('%Y-%m-%d', received_at, '+7 hours') AS day, SUM(amount) AS amount, COUNT(*) AS count
       FROM payments WHERE merchant_id = ? AND received_at >= ?
      GROUP BY day ORDER BY day`,
  )
    .bind(merchantId, since)
    .all<DayTotal>();
  return results;
}

/** How many payments wait for an order (the dashboard's "needs action"). */
export async function countUnmatched(env: Env, merchantId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM payments WHERE merchant_id = ? AND order_id IS NULL')
    .bind(merchantId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
