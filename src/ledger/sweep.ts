import type { OrderRow } from '../db/orders';
import { log } from '../lib/log';
import { orderEntry } from './order-entry';
import { ledgerStub } from './stubs';

/**
 * Open orders past expiry and grace that D1 still shows open: their ledger never armed (a lost
 * registration) or has not announced them yet. Handing each to its ledger adopts it there, and the
 * ledger's alarm announces the expiry once (registration is idempotent). Returns how many were handed over.
 */
export async function sweepExpired(env: Env, rows: OrderRow[], origin = env.PUBLIC_BASE_URL ?? ''): Promise<number> {
  let handed = 0;
  for (const row of rows) {
    try {
      await ledgerStub(env, row.ledger).register(orderEntry(row, origin));
      handed++;
    } catch (error) {
      log('warn', 'expiry sweep could not reach a ledger', { orderId: row.id, error: String(error) });
    }
  }
  return handed;
}
