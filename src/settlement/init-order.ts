import type { Env } from '../env';
import { orderStub } from './owners';
import type { OrderJson } from './records';

/**
 * Hands a new order to its DO (which arms the expiry alarm). If this call is lost, the DO loads the
 * order from D1 on its first settle or cancel; only the expiry alarm waits for that first touch.
 */
export async function initOrder(env: Env, merchantId: string, order: OrderJson): Promise<void> {
  await orderStub(env, order.id).init({ merchantId, order, version: 0 });
}
