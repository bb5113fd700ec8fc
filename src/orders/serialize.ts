import type { OrderRow } from '../db/orders';
import { statusAt } from '../ledger/clock';
import type { OrderJson } from './schema';

export const checkoutUrl = (origin: string, orderId: string) => `${origin}/pay/${orderId}`;
export const qrSvgUrl = (origin: string, orderId: string) => `${origin}/qr/${orderId}.svg`;

/**
 * A D1 order row as the public Order JSON; `origin` is where our URLs live (see lib/public-origin). With a
 * clock, the status is the one every read shows (an open order past expiry and grace reads expired).
 */
export function orderToJson(row: OrderRow, origin: string, clock?: { nowMs: number; graceMs: number }): OrderJson {
  return {
    id: row.id,
    object: 'order',
    status: clock ? statusAt(row.status, row.expires_at, clock.nowMs, clock.graceMs) : row.status,
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
