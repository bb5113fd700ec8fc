import { getOrder } from '../db/orders';
import type { Env } from '../env';
import { conflict, notFound } from '../lib/problem';
import { cancelInDo } from '../settlement/cancel-order';
import type { OrderJson } from '../settlement/records';

/**
 * Cancels a pending or partially paid order through its Durable Object, so that a cancel and a payment
 * arriving together are ordered in one place. Answers with the DO's order (D1 is its projection).
 */
export async function cancelOrder(env: Env, merchantId: string, orderId: string, origin: string): Promise<OrderJson> {
  const found = await getOrder(env, merchantId, orderId);
  if (!found) throw notFound('No such order');
  const result = await cancelInDo(env, merchantId, orderId, origin);
  if (!result.ok) throw conflict(`The order is already ${result.status ?? found.status}`, { code: 'order_not_open' });
  return result.order;
}
