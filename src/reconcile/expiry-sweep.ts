import { overdueOrders } from '../db/reconciliation';
import { expiryGraceMs } from '../ledger/clock';
import { sweepExpired } from '../ledger/sweep';
import { SWEEP_BATCH } from './limits';

/**
 * The cron's expiry sweep: open orders past `expiresAt` + grace whose ledger never announced the
 * expiry (their D1 projection still shows them open) are handed to their ledger (`sweepExpired`), which
 * announces `order.expired` once. Reads show them expired anyway (the clock decides, src/ledger/clock.ts).
 * Returns how many were handed over.
 */
export async function sweepOverdueOrders(env: Env, now: Date): Promise<number> {
  const rows = await overdueOrders(env, new Date(now.getTime() - expiryGraceMs(env)).toISOString(), SWEEP_BATCH);
  return rows.length > 0 ? sweepExpired(env, rows) : 0;
}
