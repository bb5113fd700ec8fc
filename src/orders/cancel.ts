import { getOrder } from '../db/orders';
import type { CancelResult } from '../ledger/ledger-do';
import { orderEntry } from '../ledger/order-entry';
import { ledgerStub } from '../ledger/stubs';
import { conflict, notFound } from '../lib/problem';
import type { Order } from '../schemas/order';

/**
 * Cancels a pending or partially paid order in its ledger, so that a cancel and a payment arriving together
 * are ordered in one place; the ledger projects to D1 before answering, so a read right after sees it.
 */
export async function cancelOrder(env: Env, merchantId: string, orderId: string, origin: string): Promise<Order> {
  const row = await getOrder(env, merchantId, orderId);
  if (!row) throw notFound('No such order');
  // RPC's types cannot carry `unknown` (the order's metadata), so the ledger's own answer type is restored here.
  const result = (await ledgerStub(env, row.ledger).cancel(orderEntry(row, origin))) as CancelResult;
  if (!('order' in result)) throw conflict(`The order is already ${result.status ?? row.status}`, { code: 'order_not_open' });
  return result.order;
}
