import { type ProjectionRecord, projectionStatement } from '../db/projection';
import { maybeFail } from '../lib/faults';
import { log } from '../lib/log';

/**
 * The queue of D1 projection records of a Durable Object. Enqueued in the same transaction as the change
 * it projects; one row per (kind, id) holds the latest snapshot, so ten updates of a payment are one write.
 * Flushed after the commit, off the money path, and retried until D1 has it: D1 lags, never diverges.
 */
const BATCH = 50;

export function enqueue(sql: SqlStorage, record: ProjectionRecord): void {
  sql.exec(
    `INSERT INTO projection (kind, key, seq, record) VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM projection), ?)
     ON CONFLICT (kind, key) DO UPDATE SET seq = excluded.seq, record = excluded.record`,
    record.kind,
    record.id,
    JSON.stringify(record),
  );
}

export const hasPendingProjection = (sql: SqlStorage): boolean =>
  sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM projection').one().n > 0;

/** Writes queued records to D1 in order, a batch at a time. False when D1 failed (the rows stay queued). */
export async function flushProjection(sql: SqlStorage, db: D1Database): Promise<boolean> {
  for (;;) {
    const rows = sql
      .exec<{ kind: string; key: string; seq: number; record: string }>(
        'SELECT kind, key, seq, record FROM projection ORDER BY seq LIMIT ?',
        BATCH,
      )
      .toArray();
    if (rows.length === 0) return true;
    try {
      maybeFail('projection');
      await db.batch(rows.map((row) => projectionStatement(db, JSON.parse(row.record) as ProjectionRecord)));
    } catch (error) {
      log('warn', 'projection to D1 failed; will retry', { error: String(error) });
      return false;
    }
    // Every record enqueued or replaced meanwhile took a seq above the batch's last, so this keeps exactly
    // those (a newer snapshot of a record in the batch included): one statement, one commit.
    sql.exec('DELETE FROM projection WHERE seq <= ?', rows.at(-1)!.seq);
  }
}
