import { findOrders, getOrderById } from '../db/orders';
import type { MatchedBy } from '../schemas/payment';
import type { MatchKey } from './match';
import { orderEntry } from './order-entry';
import type { OrderEntry } from './records';

/** An order found in D1 for a report the ledger's own index did not match. */
export interface FoundOrder {
  order: OrderEntry;
  matchedBy: MatchedBy;
}

/**
 * The index-miss fallback (DESIGN.md): one D1 round trip for every report of a callback that needs it,
 * the keys of each in match order. Provider references and virtual accounts belong to the account that
 * issued them; payment codes are unique per merchant, so a code paid into another of its accounts is found.
 */
export async function lookupOrders(env: Env, merchantId: string, wanted: MatchKey[][], origin: string): Promise<(FoundOrder | null)[]> {
  const slots = wanted.flatMap((keys, report) => keys.map((key) => ({ report, key })));
  if (slots.length === 0) return wanted.map(() => null);
  const rows = await findOrders(
    env,
    slots.map(({ key }) => (key.by === 'payment_code' ? { ...key, merchantId } : key)),
  );
  return wanted.map((_, report) => {
    const index = slots.findIndex((slot, i) => slot.report === report && rows[i]);
    if (index < 0) return null;
    return { order: orderEntry(rows[index]!, origin), matchedBy: slots[index]!.key.by };
  });
}

/** The order as D1 has it, ready for its ledger (sandbox pay, refresh, cancel, assign): null when unknown. */
export async function loadOrderEntry(env: Env, orderId: string, origin: string): Promise<OrderEntry | null> {
  const row = await getOrderById(env, orderId);
  return row ? orderEntry(row, origin) : null;
}
