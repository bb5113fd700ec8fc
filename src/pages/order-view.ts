import { getPublicOrder } from '../db/orders';
import { expiryGraceMs, statusAt } from '../ledger/clock';
import type { Order } from '../schemas/order';

/*
 * The one read of an order for everything public (checkout page, its status poll, the QR images).
 * It reads the D1 projection today; the status is the clock's (CONTRACT §4), so an open order past
 * expiresAt + grace reads `expired` whatever has run since. Pointing this at the ledger changes nothing else.
 */

/** What the public pages show of an order: the public Order's fields, and what they need besides. */
export type CheckoutOrder = Pick<
  Order,
  'id' | 'status' | 'amount' | 'amountPaid' | 'reference' | 'description' | 'bank' | 'transferContent' | 'provider' | 'expiresAt' | 'paidAt'
> & {
  merchantId: string;
  qrPayload: string;
  /** Only ever an http(s) URL: a stored `javascript:` URL must never become a link or a redirect. */
  returnUrl: string | null;
  /** The grace after expiresAt during which a transfer still counts (ms). */
  graceMs: number;
};

export type CheckoutStatus = Pick<Order, 'status' | 'amountPaid' | 'amount'>;

// Order ids are `ord_` and base62-ish; anything else cannot exist, so it costs no query.
const ORDER_ID = /^ord_[A-Za-z0-9_-]{1,64}$/;

export async function readOrder(env: Env, id: string, now = Date.now()): Promise<CheckoutOrder | null> {
  if (!ORDER_ID.test(id)) return null;
  const row = await getPublicOrder(env, id);
  if (!row) return null;
  const graceMs = expiryGraceMs(env);
  return {
    id: row.id,
    merchantId: row.merchant_id,
    status: statusAt(row.status, row.expires_at, now, graceMs),
    amount: row.amount,
    amountPaid: row.amount_paid,
    reference: row.reference,
    description: row.description,
    qrPayload: row.qr_payload,
    bank: JSON.parse(row.bank) as Order['bank'],
    transferContent: row.transfer_content,
    provider: row.provider,
    returnUrl: safeReturnUrl(row.return_url),
    expiresAt: row.expires_at,
    paidAt: row.paid_at,
    graceMs,
  };
}

/** What the page's poll sees. */
export const statusOf = (order: CheckoutOrder): CheckoutStatus => ({
  status: order.status,
  amountPaid: order.amountPaid,
  amount: order.amount,
});

function safeReturnUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
