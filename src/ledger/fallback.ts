import { getOrderById, type OrderRow } from '../db/orders';
import type { MatchedBy, MatchKey } from './match';
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
  const statements: D1PreparedStatement[] = [];
  const slots: { report: number; key: MatchKey }[] = [];
  wanted.forEach((keys, report) => {
    for (const key of keys) {
      slots.push({ report, key });
      statements.push(
        key.by === 'payment_code'
          ? env.DB.prepare('SELECT * FROM orders WHERE merchant_id = ? AND payment_code = ? LIMIT 1').bind(merchantId, key.value)
          : env.DB.prepare(
              `SELECT * FROM orders WHERE provider_account_id = ? AND ${key.by === 'reference' ? 'provider_reference' : 'virtual_account'} = ? LIMIT 1`,
            ).bind(key.providerAccountId, key.value),
      );
    }
  });
  if (statements.length === 0) return wanted.map(() => null);
  const results = await env.DB.batch<OrderRow>(statements);
  return wanted.map((_, report) => {
    const index = slots.findIndex((slot, i) => slot.report === report && (results[i]?.results.length ?? 0) > 0);
    if (index < 0) return null;
    const row = results[index]!.results[0]!;
    return { order: orderEntry(row, origin), matchedBy: slots[index]!.key.by };
  });
}

/** The order as D1 has it, ready for its ledger (sandbox pay, refresh, cancel, assign): null when unknown. */
export async function loadOrderEntry(env: Env, orderId: string, origin: string): Promise<OrderEntry | null> {
  const row = await getOrderById(env, orderId);
  return row ? orderEntry(row, origin) : null;
}
