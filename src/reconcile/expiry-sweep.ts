import type { OrderRow } from '../db/orders';
import { overdueOrders } from '../db/reconciliation';
import type { Env } from '../env';
import { expiryGraceMs } from '../ledger/clock';
import { log } from '../lib/log';
import { SWEEP_BATCH } from './limits';

/**
 * The cron's expiry sweep: open orders past `expiresAt` + grace whose ledger never announced the
 * expiry (their D1 projection still shows them open) are handed to the ledger, which emits
 * `order.expired` once. Reads show them expired anyway (the clock decides, src/ledger/clock.ts).
 */
export async function sweepOverdueOrders(env: Env, now: Date): Promise<number> {
  const rows = await overdueOrders(env, new Date(now.getTime() - expiryGraceMs(env)).toISOString(), SWEEP_BATCH);
  if (rows.length > 0) await handOverdueToLedger(env, rows);
  return rows.length;
}

/**
 * LEAD: the call site of the ledger's `sweepExpired(env, orderRows)` (src/ledger/sweep.ts, not written
 * yet). Replace this body with `await sweepExpired(env, rows)` once it exists; until then the old
 * settlement's order objects still expire their own orders by alarm, and this only logs what it found.
 */
async function handOverdueToLedger(_env: Env, rows: OrderRow[]): Promise<void> {
  log('info', 'expiry sweep: open orders past expiry and grace', { count: rows.length, orderIds: rows.slice(0, 20).map((row) => row.id) });
}
