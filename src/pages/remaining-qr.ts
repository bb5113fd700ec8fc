import { getProvider } from '../providers/registry';
import { withAmount } from '../qr/vietqr-amount';
import type { CheckoutOrder } from './order-view';

export type RemainingQr = { ok: true; payload: string; due: number } | { ok: false; reason: string };

/** Whether a QR for another amount, same account and content, settles this order (its provider says). */
export const acceptsAnyAmount = (order: CheckoutOrder) => getProvider(order.provider)?.qrAcceptsAnyAmount === true;

export const amountDue = (order: CheckoutOrder) => Math.max(0, order.amount - order.amountPaid);

/**
 * The QR for what is still due: the order's own QR with the amount replaced, so the account and the
 * transfer content (and with it the payment code every feed matches on) stay exactly the same.
 * Refused, with the reason a payer or a merchant can act on, where no such QR can settle the order.
 */
export function remainingQr(order: CheckoutOrder): RemainingQr {
  if (order.status === 'paid') return { ok: false, reason: 'The order is paid: nothing is due.' };
  if (order.status === 'expired' || order.status === 'canceled') {
    return { ok: false, reason: `The order is ${order.status}: it takes no more payments.` };
  }
  const due = amountDue(order);
  if (order.amountPaid === 0) return { ok: true, payload: order.qrPayload, due };
  if (!acceptsAnyAmount(order)) {
    return {
      ok: false,
      reason:
        "The order's QR pays a provider's one-off payment request (its own order or virtual account), which accepts only its full amount: no QR for the remaining amount can be made. The merchant has to collect the rest.",
    };
  }
  const changed = withAmount(order.qrPayload, due);
  return changed.ok
    ? { ok: true, payload: changed.payload, due }
    : { ok: false, reason: `The order's QR cannot be re-issued: ${changed.reason}` };
}
