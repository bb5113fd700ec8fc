import type { DeliveryRecord } from '../db/projection';
import { newId } from '../lib/ids';

/**
 * The delivery outbox a Durable Object keeps next to its events: one row per (event, endpoint), its
 * attempt count and when it is due. Synchronous, so the owner composes it inside its own transactions.
 */
export function migrateOutbox(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS outbox (
      id TEXT PRIMARY KEY, event_id TEXT NOT NULL, endpoint_id TEXT NOT NULL, order_id TEXT, status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER, created_at TEXT NOT NULL,
      -- counts requeues (replay, recover): an attempt in flight while its row was requeued must not overwrite the requeue
      epoch INTEGER NOT NULL DEFAULT 0,
      UNIQUE (event_id, endpoint_id));
    CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_at);
  `);
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'skipped';

export type OutboxRow = {
  id: string;
  eventId: string;
  endpointId: string;
  orderId: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAt: number | null;
  createdAt: string;
  epoch: number;
};

/** Who owns an outbox, as its D1 projection names it. */
export interface OutboxOwner {
  merchantId: string;
  /** The Durable Object that holds the rows (`ledger:<name>`, `merchant:<id>`): requeues are routed there. */
  owner: string;
  project(record: DeliveryRecord): void;
}

const COLUMNS =
  'id, event_id AS eventId, endpoint_id AS endpointId, order_id AS orderId, status, attempts, next_at AS nextAt, created_at AS createdAt, epoch';

export const outboxRows = (sql: SqlStorage, where: string, ...params: SqlStorageValue[]): OutboxRow[] =>
  sql.exec<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE ${where}`, ...params).toArray();

export const dueDeliveries = (sql: SqlStorage, now: number, limit: number): OutboxRow[] =>
  sql
    .exec<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?`, now, limit)
    .toArray();

/** The earliest time a pending delivery is due, or null. */
export const nextDeliveryTime = (sql: SqlStorage): number | null =>
  sql.exec<{ at: number | null }>("SELECT MIN(next_at) AS at FROM outbox WHERE status = 'pending'").one().at;

function project(owner: OutboxOwner, row: OutboxRow, updatedAt: string): void {
  owner.project({
    kind: 'delivery',
    id: row.id,
    eventId: row.eventId,
    endpointId: row.endpointId,
    merchantId: owner.merchantId,
    orderId: row.orderId,
    owner: owner.owner,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAt === null ? null : new Date(row.nextAt).toISOString(),
    createdAt: row.createdAt,
    updatedAt,
  });
}

/** A delivery of an event to an endpoint, due now (or skipped, for a disabled endpoint: recover sends it later). */
export function addDelivery(
  sql: SqlStorage,
  owner: OutboxOwner,
  delivery: { eventId: string; endpointId: string; orderId: string | null; status: 'pending' | 'skipped' },
  now: Date,
): void {
  const row: OutboxRow = {
    id: newId('dlv'),
    ...delivery,
    attempts: 0,
    nextAt: delivery.status === 'pending' ? now.getTime() : null,
    createdAt: now.toISOString(),
    epoch: 0,
  };
  const inserted = sql.exec(
    'INSERT INTO outbox (id, event_id, endpoint_id, order_id, status, next_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    row.id,
    row.eventId,
    row.endpointId,
    row.orderId,
    row.status,
    row.nextAt,
    row.createdAt,
  ).rowsWritten;
  if (inserted > 0) project(owner, row, row.createdAt);
}

/** Records an attempt's outcome on its row. */
export function updateDelivery(
  sql: SqlStorage,
  owner: OutboxOwner,
  row: OutboxRow,
  change: { status: DeliveryStatus; attempts: number; nextAt: number | null },
  at: Date,
): void {
  sql.exec('UPDATE outbox SET status = ?, attempts = ?, next_at = ? WHERE id = ?', change.status, change.attempts, change.nextAt, row.id);
  project(owner, { ...row, ...change }, at.toISOString());
}

/** Makes rows due now (replay, recover); attempts continue from where they were. */
export function requeueRows(sql: SqlStorage, owner: OutboxOwner, rows: OutboxRow[], now: Date): void {
  for (const row of rows) {
    sql.exec("UPDATE outbox SET status = 'pending', next_at = ?, epoch = epoch + 1 WHERE id = ?", now.getTime(), row.id);
    project(owner, { ...row, status: 'pending', nextAt: now.getTime() }, now.toISOString());
  }
}

/** Replay: every delivery of the event to the given endpoints (created where missing) is due again now. */
export function replayEvent(
  sql: SqlStorage,
  owner: OutboxOwner,
  event: { id: string; orderId: string | null },
  endpointIds: string[],
  now: Date,
): number {
  for (const endpointId of endpointIds)
    addDelivery(sql, owner, { eventId: event.id, endpointId, orderId: event.orderId, status: 'pending' }, now);
  const rows = outboxRows(sql, 'event_id = ?', event.id).filter((row) => endpointIds.includes(row.endpointId));
  requeueRows(sql, owner, rows, now);
  return rows.length;
}

/** Recover: the named deliveries become due now (failed, waiting for a retry, or skipped while disabled). */
export function requeueDeliveries(sql: SqlStorage, owner: OutboxOwner, ids: string[], now: Date): number {
  const rows = ids.flatMap((id) => outboxRows(sql, "id = ? AND status IN ('failed', 'pending', 'skipped')", id));
  requeueRows(sql, owner, rows, now);
  return rows.length;
}
