import { getOrder } from '../db/orders';
import { orderEntry } from '../ledger/order-entry';
import { ledgerStub } from '../ledger/stubs';
import { conflict, notFound } from '../lib/problem';
import type { OrderJson } from './schema';

/**
 * Cancels a pending or partially paid order in its ledger, so that a cancel and a payment arriving together
 * are ordered in one place; the ledger projects to D1 before answering, so a read right after sees it.
 */
export async function cancelOrder(env: Env, merchantId: string, orderId: string, origin: string): Promise<OrderJson> {
  const row = await getOrder(env, merchantId, orderId);
  if (!row) throw notFound('No such order');
  const result = await ledgerStub(env, row.ledger).cancel(orderEntry(row, origin));
  if (!('order' in result)) throw conflict(`The order is already ${result.status ?? row.status}`, { code: 'order_not_open' });
  return result.order as unknown as OrderJson;
}
