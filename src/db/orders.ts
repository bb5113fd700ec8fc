import type { Env } from '../env';
import { afterCursor, type Cursor } from './pagination';

export type OrderStatus = 'pending' | 'partially_paid' | 'paid' | 'expired' | 'canceled';

/** A row of `orders` as D1 returns it (JSON columns still text). */
export interface OrderRow {
  id: string;
  merchant_id: string;
  provider_account_id: string;
  provider: string;
  status: OrderStatus;
  amount: number;
  amount_paid: number;
  currency: string;
  reference: string;
  description: string | null;
  payment_code: string;
  qr_payload: string;
  /** JSON {bin, shortName, name, accountNumber, accountName}. */
  bank: string;
  transfer_content: string;
  return_url: string | null;
  metadata: string;
  provider_reference: string | null;
  virtual_account: string | null;
  provider_data: string;
  expires_at: string;
  created_at: string;
  paid_at: string | null;
  updated_at: string;
  version: number;
  /** The ledger Durable Object that owns the order (the account its QR names). */
  ledger: string;
}

/** The merchant's order, or null (another merchant's order is as absent as a missing one). */
export function getOrder(env: Env, merchantId: string, id: string): Promise<OrderRow | null> {
  return env.DB.prepare('SELECT * FROM orders WHERE id = ? AND merchant_id = ?').bind(id, merchantId).first<OrderRow>();
}

/** Any merchant's order: internal use only (settlement, public QR and checkout pages). */
export function getOrderById(env: Env, id: string): Promise<OrderRow | null> {
  return env.DB.prepare('SELECT * FROM orders WHERE id = ?').bind(id).first<OrderRow>();
}

export async function orderIdByReference(env: Env, merchantId: string, reference: string): Promise<string | null> {
  const row = await env.DB.prepare('SELECT id FROM orders WHERE merchant_id = ? AND reference = ?')
    .bind(merchantId, reference)
    .first<{ id: string }>();
  return row?.id ?? null;
}

const COLUMNS = [
  'id',
  'merchant_id',
  'provider_account_id',
  'provider',
  'status',
  'amount',
  'amount_paid',
  'currency',
  'reference',
  'description',
  'payment_code',
  'qr_payload',
  'bank',
  'transfer_content',
  'return_url',
  'metadata',
  'provider_reference',
  'virtual_account',
  'provider_data',
  'expires_at',
  'created_at',
  'paid_at',
  'updated_at',
  'version',
  'ledger',
] as const satisfies readonly (keyof OrderRow)[];

/** Inserts a complete order row; a UNIQUE violation (reference, payment code) surfaces as D1's error. */
export async function insertOrder(env: Env, row: OrderRow): Promise<void> {
  await env.DB.prepare(`INSERT INTO orders (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`)
    .bind(...COLUMNS.map((column) => row[column]))
    .run();
}

export interface OrderFilter {
  status?: OrderStatus;
  reference?: string;
}

/**
 * Status as every read must show it (CONTRACT §4): an open order past `expiresAt` + grace is expired
 * whether or not its ledger has announced it, so the filter reads the clock too.
 */
function statusCondition(status: OrderStatus, deadline: string): { sql: string; params: string[] } {
  if (status === 'expired')
    return { sql: "(status = 'expired' OR (status IN ('pending', 'partially_paid') AND expires_at < ?))", params: [deadline] };
  if (status === 'pending' || status === 'partially_paid') return { sql: 'status = ? AND expires_at >= ?', params: [status, deadline] };
  return { sql: 'status = ?', params: [status] };
}

/** One page of the merchant's orders, newest first (`limit + 1` rows: see db/pagination). */
export async function listOrders(env: Env, merchantId: string, filter: OrderFilter, cursor: Cursor | null, limit: number, graceMs: number) {
  const where = ['merchant_id = ?'];
  const params: (string | number)[] = [merchantId];
  if (filter.status) {
    const condition = statusCondition(filter.status, new Date(Date.now() - graceMs).toISOString());
    where.push(condition.sql);
    params.push(...condition.params);
  }
  if (filter.reference) {
    where.push('reference = ?');
    params.push(filter.reference);
  }
  const after = afterCursor(cursor, 'created_at');
  const { results } = await env.DB.prepare(
    `SELECT * FROM orders WHERE ${where.join(' AND ')} AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`,
  )
    .bind(...params, ...after.params, limit + 1)
    .all<OrderRow>();
  return results;
}
