import type { Order, OrderStatus } from '../schemas/order';
import type { MatchKey } from './match';
import { enqueue } from './projection';
import type { OrderEntry } from './records';
import type { OrderState } from './state';

/** An order registered in this ledger: its matching keys, its state, and its public JSON as created. */
export interface LedgerOrder extends OrderState {
  id: string;
  version: number;
  json: Order;
}

type LedgerOrderRow = {
  id: string;
  status: OrderStatus;
  amount: number;
  amount_paid: number;
  paid_at: string | null;
  expires_at: string;
  version: number;
  json: string;
};

// Column by column like order-entry.ts (a D1 row → an entry): this maps the ledger's own table, the same fields.
const toOrder = (row: LedgerOrderRow): LedgerOrder => ({
  id: row.id,
  status: row.status,
  amount: row.amount,
  amountPaid: row.amount_paid,
  paidAt: row.paid_at,
  expiresAt: row.expires_at,
  version: row.version,
  json: JSON.parse(row.json) as Order,
});

const one = (sql: SqlStorage, where: string, ...params: SqlStorageValue[]): LedgerOrder | null => {
  const row = sql.exec<LedgerOrderRow>(`SELECT * FROM orders WHERE ${where} LIMIT 1`, ...params).toArray()[0];
  return row ? toOrder(row) : null;
};

export const getLedgerOrder = (sql: SqlStorage, id: string) => one(sql, 'id = ?', id);

/** The index: an order by one of its match keys. */
export function orderByKey(sql: SqlStorage, key: MatchKey): LedgerOrder | null {
  if (key.by === 'payment_code') return one(sql, 'payment_code = ?', key.value);
  const column = key.by === 'reference' ? 'provider_reference' : 'virtual_account';
  return one(sql, `provider_account_id = ? AND ${column} = ?`, key.providerAccountId, key.value);
}

/** Registers an order (idempotent: a second registration, or one racing an adoption, changes nothing). */
export function registerOrder(sql: SqlStorage, entry: OrderEntry): void {
  sql.exec(
    `INSERT INTO orders (id, payment_code, provider_account_id, provider_reference, virtual_account, status, amount, amount_paid,
       paid_at, expires_at, expires_ms, version, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    entry.id,
    entry.paymentCode,
    entry.providerAccountId,
    entry.providerReference,
    entry.virtualAccount,
    entry.status,
    entry.amount,
    entry.amountPaid,
    entry.paidAt,
    entry.expiresAt,
    Date.parse(entry.expiresAt),
    entry.version,
    JSON.stringify(entry.json),
  );
}

/** The public order as of its current state. */
export const orderJson = (order: LedgerOrder): Order => ({
  ...order.json,
  status: order.status,
  amount: order.amount,
  amountPaid: order.amountPaid,
  paidAt: order.paidAt,
});

/** Saves a new state (one version up) and queues its projection. Returns the order as saved. */
export function saveOrderState(sql: SqlStorage, order: LedgerOrder, state: OrderState, now: Date): LedgerOrder {
  const version = order.version + 1;
  sql.exec(
    'UPDATE orders SET status = ?, amount_paid = ?, paid_at = ?, version = ? WHERE id = ?',
    state.status,
    state.amountPaid,
    state.paidAt,
    version,
    order.id,
  );
  enqueue(sql, {
    kind: 'order',
    id: order.id,
    status: state.status,
    amountPaid: state.amountPaid,
    paidAt: state.paidAt,
    version,
    updatedAt: now.toISOString(),
  });
  return { ...order, ...state, version };
}

/** Open orders whose expiry the clock has decided by `deadlineMs` (expiresAt ≤ deadline), oldest first. */
export const openOrdersExpiringBy = (sql: SqlStorage, deadlineMs: number, limit: number): LedgerOrder[] =>
  sql
    .exec<LedgerOrderRow>(
      "SELECT * FROM orders WHERE status IN ('pending', 'partially_paid') AND expires_ms <= ? ORDER BY expires_ms LIMIT ?",
      deadlineMs,
      limit,
    )
    .toArray()
    .map(toOrder);

/** When the next open order expires (ms), or null. */
export const nextExpiry = (sql: SqlStorage): number | null =>
  sql.exec<{ at: number | null }>("SELECT MIN(expires_ms) AS at FROM orders WHERE status IN ('pending', 'partially_paid')").one().at;
