import type { Order, OrderStatus } from '../schemas/order';
import { afterCursor, type Cursor, equals, newestFirst } from './pagination';

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

export const checkoutUrl = (origin: string, orderId: string) => `${origin}/pay/${orderId}`;
export const qrSvgUrl = (origin: string, orderId: string) => `${origin}/qr/${orderId}.svg`;

/**
 * A row as the public Order JSON; `origin` is where our URLs live (see lib/public-origin). `status`: the one
 * every read shows, where the caller has the clock's (ledger/clock orderClock); the stored one otherwise.
 */
export function orderToJson(row: OrderRow, origin: string, status: OrderStatus = row.status): Order {
  return {
    id: row.id,
    object: 'order',
    status,
    amount: row.amount,
    amountPaid: row.amount_paid,
    currency: 'VND',
    reference: row.reference,
    description: row.description,
    paymentCode: row.payment_code,
    providerAccountId: row.provider_account_id,
    provider: row.provider,
    qr: { payload: row.qr_payload, svgUrl: qrSvgUrl(origin, row.id) },
    bank: JSON.parse(row.bank),
    transferContent: row.transfer_content,
    checkoutUrl: checkoutUrl(origin, row.id),
    returnUrl: row.return_url,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    metadata: JSON.parse(row.metadata),
  };
}

/** The merchant's order, or null (another merchant's order is as absent as a missing one). */
export function getOrder(env: Env, merchantId: string, id: string): Promise<OrderRow | null> {
  return env.DB.prepare('SELECT * FROM orders WHERE id = ? AND merchant_id = ?').bind(id, merchantId).first<OrderRow>();
}

/** Any merchant's order: internal use only (settlement, public QR and checkout pages). */
export function getOrderById(env: Env, id: string): Promise<OrderRow | null> {
  return env.DB.prepare('SELECT * FROM orders WHERE id = ?').bind(id).first<OrderRow>();
}

/** The columns the public pages read (checkout, its status poll, the QR images). */
export type PublicOrderRow = Pick<
  OrderRow,
  | 'id'
  | 'merchant_id'
  | 'status'
  | 'amount'
  | 'amount_paid'
  | 'reference'
  | 'description'
  | 'qr_payload'
  | 'bank'
  | 'transfer_content'
  | 'provider'
  | 'return_url'
  | 'expires_at'
  | 'paid_at'
>;

/** Any merchant's order as the public pages show it, by id: one primary-key read of only what they show. */
export function getPublicOrder(env: Env, id: string): Promise<PublicOrderRow | null> {
  return env.DB.prepare(
    `SELECT id, merchant_id, status, amount, amount_paid, reference, description, qr_payload, bank, transfer_content,
            provider, return_url, expires_at, paid_at
       FROM orders WHERE id = ?`,
  )
    .bind(id)
    .first<PublicOrderRow>();
}

/** One lookup of the ledgers' index-miss fallback: payment codes are unique per merchant, references and virtual accounts per provider account. */
export type OrderLookup =
  | { by: 'payment_code'; merchantId: string; value: string }
  | { by: 'reference' | 'virtual_account'; providerAccountId: string; value: string };

/** The order each lookup finds (null where none), all in one D1 round trip. */
export async function findOrders(env: Env, lookups: OrderLookup[]): Promise<(OrderRow | null)[]> {
  if (lookups.length === 0) return [];
  const statements = lookups.map((lookup) =>
    lookup.by === 'payment_code'
      ? env.DB.prepare('SELECT * FROM orders WHERE merchant_id = ? AND payment_code = ? LIMIT 1').bind(lookup.merchantId, lookup.value)
      : env.DB.prepare(
          `SELECT * FROM orders WHERE provider_account_id = ? AND ${lookup.by === 'reference' ? 'provider_reference' : 'virtual_account'} = ? LIMIT 1`,
        ).bind(lookup.providerAccountId, lookup.value),
  );
  const results = await env.DB.batch<OrderRow>(statements);
  return results.map((result) => result.results[0] ?? null);
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

/** One page of the merchant's orders, newest first (`limit + 1` rows: see db/pagination); status by the clock (`countingSince`, below). */
export function listOrders(env: Env, merchantId: string, filter: OrderFilter, cursor: Cursor | null, limit: number, countingSince: string) {
  const conditions = [
    equals('merchant_id', merchantId),
    filter.status ? statusCondition(filter.status, countingSince, '') : null,
    equals('reference', filter.reference),
  ];
  return newestFirst<OrderRow>(env, 'orders', conditions, 'created_at', cursor, limit);
}

// Dashboard reads. Status is the clock's (ledger/clock statusAt): an open order whose expiry and grace have
// passed is expired whether or not anything has run since, so filters and counts are written against
// `countingSince` = now − grace: an open order still counts payments while `expires_at >= countingSince`.

export interface OrderSearch {
  status?: OrderStatus;
  /** A reference (or its beginning), a payment code, or an order id. */
  q?: string;
}

// Column prefixes let one query serve both forms of the list (`o.` when joined with the search results).
function statusCondition(status: OrderStatus, countingSince: string, t: string): { sql: string; params: string[] } {
  // `+expires_at`: walk the (merchant, status, created_at) index newest first and stop at the page's end,
  // rather than collect every open order by its expiry and sort them.
  if (status === 'pending' || status === 'partially_paid')
    return { sql: `${t}status = ? AND +${t}expires_at >= ?`, params: [status, countingSince] };
  if (status === 'expired') {
    return {
      sql: `(${t}status = 'expired' OR (${t}status IN ('pending', 'partially_paid') AND ${t}expires_at < ?))`,
      params: [countingSince],
    };
  }
  return { sql: `${t}status = ?`, params: [status] };
}

/**
 * The orders a search names: an order id, or a payment code (uppercase) or a reference, exactly or by its
 * beginning. Each through its own unique index; the few rows found are then filtered, sorted and paged.
 */
function searchIds(merchantId: string, q: string): { sql: string; params: string[] } {
  if (/^ord_[0-9a-z]+$/.test(q)) return { sql: 'SELECT id FROM orders WHERE merchant_id = ? AND id = ?', params: [merchantId, q] };
  return {
    sql: `SELECT id FROM orders WHERE merchant_id = ? AND payment_code = ?
          UNION SELECT id FROM orders WHERE merchant_id = ? AND reference >= ? AND reference < ?`,
    params: [merchantId, q.toUpperCase(), merchantId, q, `${q}\uffff`],
  };
}

/** One page of the merchant's orders for the dashboard, newest first (`limit + 1` rows: see db/pagination). */
export async function searchOrders(
  env: Env,
  merchantId: string,
  filter: OrderSearch,
  countingSince: string,
  cursor: Cursor | null,
  limit: number,
): Promise<OrderRow[]> {
  const t = filter.q ? 'o.' : '';
  const where: string[] = [];
  const params: (string | number)[] = [];
  const found = filter.q ? searchIds(merchantId, filter.q) : null;
  if (found) params.push(...found.params);
  else {
    where.push('merchant_id = ?');
    params.push(merchantId);
  }
  for (const part of [
    filter.status ? statusCondition(filter.status, countingSince, t) : null,
    afterCursor(cursor, `${t}created_at`, `${t}id`),
  ]) {
    if (!part) continue;
    where.push(part.sql);
    params.push(...part.params);
  }
  // CROSS JOIN keeps SQLite's loop order: the found ids first, each looked up by primary key.
  const from = found ? `(${found.sql}) f CROSS JOIN orders o ON o.id = f.id` : 'orders';
  const { results } = await env.DB.prepare(
    `SELECT ${found ? 'o.*' : '*'} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${t}created_at DESC, ${t}id DESC LIMIT ?`,
  )
    .bind(...params, limit + 1)
    .all<OrderRow>();
  return results;
}

export interface OrderCounts {
  /** Orders still taking payments by the clock. */
  open: number;
  /** Orders that became paid since `paidSince`, and since `todayStart`. */
  paid: number;
  paidToday: number;
}

export async function orderCounts(env: Env, merchantId: string, at: { countingSince: string; paidSince: string; todayStart: string }) {
  const row = await env.DB.prepare(
    `SELECT
       (SELECT COUNT(*) FROM orders WHERE merchant_id = ?1 AND status IN ('pending', 'partially_paid') AND expires_at >= ?2) AS open,
       (SELECT COUNT(*) FROM orders WHERE merchant_id = ?1 AND paid_at >= ?3) AS paid,
       (SELECT COUNT(*) FROM orders WHERE merchant_id = ?1 AND paid_at >= ?4) AS paidToday`,
  )
    .bind(merchantId, at.countingSince, at.paidSince, at.todayStart)
    .first<OrderCounts>();
  return row ?? { open: 0, paid: 0, paidToday: 0 };
}
