import { statusAt } from '../ledger/clock';
/** What the checkout page shows of an order, read straight from D1 (the orders projection). */
export type OrderStatus = 'pending' | 'partially_paid' | 'paid' | 'expired' | 'canceled';

export interface CheckoutBank {
  bin: string;
  shortName: string;
  name: string;
  accountNumber: string;
  accountName: string;
}

export interface CheckoutOrder {
  id: string;
  status: OrderStatus;
  amount: number;
  amountPaid: number;
  reference: string;
  description: string | null;
  qrPayload: string;
  bank: CheckoutBank;
  transferContent: string;
  /** Only ever an http(s) URL: a stored `javascript:` URL must never become a link or a redirect. */
  returnUrl: string | null;
  expiresAt: string;
  merchantName: string | null;
}

export interface CheckoutStatus {
  status: OrderStatus;
  amountPaid: number;
  amount: number;
}

interface OrderRow {
  id: string;
  status: OrderStatus;
  amount: number;
  amount_paid: number;
  reference: string;
  description: string | null;
  qr_payload: string;
  bank: string;
  transfer_content: string;
  return_url: string | null;
  expires_at: string;
  merchant_name: string | null;
}

// Order ids are `ord_` and base62-ish; anything else cannot exist, so it costs no query.
const ORDER_ID = /^ord_[A-Za-z0-9_-]{1,64}$/;

export async function loadCheckoutOrder(db: D1Database, id: string, graceMs: number): Promise<CheckoutOrder | null> {
  if (!ORDER_ID.test(id)) return null;
  const row = await db
    .prepare(
      `SELECT o.id, o.status, o.amount, o.amount_paid, o.reference, o.description, o.qr_payload, o.bank,
              o.transfer_content, o.return_url, o.expires_at, m.name AS merchant_name
         FROM orders o LEFT JOIN merchants m ON m.id = o.merchant_id
        WHERE o.id = ?`,
    )
    .bind(id)
    .first<OrderRow>();
  return row ? toCheckoutOrder({ ...row, status: statusAt(row.status, row.expires_at, Date.now(), graceMs) }) : null;
}

/** The page polls this every few seconds, so it reads three columns and nothing else. */
export async function loadCheckoutStatus(db: D1Database, id: string, graceMs: number): Promise<CheckoutStatus | null> {
  if (!ORDER_ID.test(id)) return null;
  const row = await db
    .prepare('SELECT status, amount, amount_paid, expires_at FROM orders WHERE id = ?')
    .bind(id)
    .first<{ status: OrderStatus; amount: number; amount_paid: number; expires_at: string }>();
  return row
    ? { status: statusAt(row.status, row.expires_at, Date.now(), graceMs), amountPaid: row.amount_paid, amount: row.amount }
    : null;
}

function toCheckoutOrder(row: OrderRow): CheckoutOrder {
  return {
    id: row.id,
    status: row.status,
    amount: row.amount,
    amountPaid: row.amount_paid,
    reference: row.reference,
    description: row.description,
    qrPayload: row.qr_payload,
    bank: JSON.parse(row.bank) as CheckoutBank,
    transferContent: row.transfer_content,
    returnUrl: safeReturnUrl(row.return_url),
    expiresAt: row.expires_at,
    merchantName: row.merchant_name,
  };
}

function safeReturnUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
