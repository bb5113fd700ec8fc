import type { Env } from '../env';
import { log } from '../lib/log';
import { maybeFail } from './faults';
import { dropProjection, pendingProjection } from './ledger';

const BATCH = 50;

/**
 * Writes the DO's queued projection statements to D1 in order, one batch at a time. Returns false when
 * D1 failed: the rows stay queued and the alarm tries again, so D1 lags the DO but never diverges.
 */
export async function flushProjection(sql: SqlStorage, env: Env): Promise<boolean> {
  for (;;) {
    const rows = pendingProjection(sql, BATCH);
    const last = rows.at(-1);
    if (!last) return true;
    try {
      maybeFail('projection');
      await env.DB.batch(rows.map((row) => env.DB.prepare(row.sql).bind(...(JSON.parse(row.params) as unknown[]))));
    } catch (error) {
      log('warn', 'projection to D1 failed; will retry', { error: String(error) });
      return false;
    }
    dropProjection(sql, last.seq);
  }
}
