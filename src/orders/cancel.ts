import { getOrder, type OrderRow } from '../db/orders';
import type { Env } from '../env';
import { conflict, notFound } from '../lib/problem';

/**
 * Cancels a pending or partially paid order. A conditional UPDATE, so a payment settling at the same
 * moment cannot be overwritten: whichever commits first wins and the other sees the new status.
 * (Settlement may route this through the order's Durable Object; the signature stays.)
 */
export async function cancelOrder(env: Env, merchantId: string, orderId: string): Promise<OrderRow> {
  const now = new Date().toISOString();
  const result = await env.DB.prepare(
    `UPDATE orders SET status = 'canceled', updated_at = ?, version = version + 1
      WHERE id = ? AND merchant_id = ? AND status IN ('pending', 'partially_paid')`,
  )
    .bind(now, orderId, merchantId)
    .run();
  const order = await getOrder(env, merchantId, orderId);
  if (!order) throw notFound('No such order');
  if (result.meta.changes === 0) throw conflict(`The order is already ${order.status}`);
  return order;
}
