import { getOrder } from '../db/orders';
import { getPayment } from '../db/payments';
import { orderEntry } from '../ledger/order-entry';
import { ledgerStub } from '../ledger/stubs';
import type { Merchant } from '../lib/app-env';
import { conflict, notFound } from '../lib/problem';
import type { Payment } from '../schemas/payment';

/**
 * `POST /v1/payments/{id}/assign` (CONTRACT §4a): an unmatched payment joins an order of the same merchant,
 * once, keeping its id (`matchedBy: "manual"`). The payment's ledger decides, so an assign racing a
 * matching report is one move, never two.
 */
export async function assignPayment(env: Env, merchant: Merchant, paymentId: string, orderId: string, origin: string): Promise<Payment> {
  const [payment, order] = await Promise.all([getPayment(env, merchant.id, paymentId), getOrder(env, merchant.id, orderId)]);
  if (!payment?.ledger) throw notFound('No such payment');
  if (!order) throw notFound('No such order');
  if (payment.order_id) throw conflict('The payment already belongs to an order');
  const result = await ledgerStub(env, payment.ledger).assign(merchant.id, payment.ledger, paymentId, orderEntry(order, origin));
  if (!result.ok) {
    if (result.reason === 'not_found') throw notFound('No such payment');
    throw conflict('The payment already belongs to an order');
  }
  return result.payment;
}
