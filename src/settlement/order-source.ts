import { getOrderById } from '../db/orders';
import type { Env } from '../env';
import { orderToJson } from '../orders/serialize';
import type { OrderJson } from './records';

export interface StoredOrder {
  merchantId: string;
  order: OrderJson;
  /** Bumped on every change; the D1 projection only moves forward. */
  version: number;
}

/** An order DO that was never initialised (its init call was lost) loads the order from D1. */
export async function loadStoredOrder(env: Env, orderId: string, origin: string): Promise<StoredOrder | null> {
  const row = await getOrderById(env, orderId);
  if (!row) return null;
  return { merchantId: row.merchant_id, order: orderToJson(row, origin) as unknown as OrderJson, version: row.version ?? 0 };
}
