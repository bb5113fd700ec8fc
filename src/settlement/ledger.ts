import { newId } from '../db/ids';
import type { EventJson, PaymentJson } from './records';
import type { EventType } from './state';

/**
 * The storage every settling Durable Object shares (order DOs and account DOs): payments deduplicated
 * on (account, provider transaction id), events, the delivery outbox, and the queue of D1 projection
 * writes. Every function here is synchronous, so callers compose them inside one `transactionSync`.
 */
export function migrateLedger(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS payments (
      id TEXT PRIMARY KEY, account_id TEXT NOT NULL, provider_tx_id TEXT NOT NULL, json TEXT NOT NULL,
      UNIQUE (account_id, provider_tx_id));
    CREATE TABLE IF NOT EXISTS events (id TEXT PRIMARY KEY, type TEXT NOT NULL, json TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS outbox (
      id TEXT PRIMARY KEY, event_id TEXT NOT NULL, endpoint_id TEXT NOT NULL, status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER, created_at TEXT NOT NULL,
      UNIQUE (event_id, endpoint_id));
    CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_at);
    CREATE TABLE IF NOT EXISTS projection (seq INTEGER PRIMARY KEY AUTOINCREMENT, sql TEXT NOT NULL, params TEXT NOT NULL);
  `);
  // `epoch` counts requeues (replay, recover): an attempt in flight while its row was requeued must not
  // overwrite the requeue when it records its result.
  const columns = sql.exec<{ name: string }>('PRAGMA table_info(outbox)').toArray();
  if (!columns.some((column) => column.name === 'epoch')) sql.exec('ALTER TABLE outbox ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0');
}

export function kvGet<T>(sql: SqlStorage, key: string): T | null {
  const row = sql.exec<{ value: string }>('SELECT value FROM kv WHERE key = ?', key).toArray()[0];
  return row ? (JSON.parse(row.value) as T) : null;
}

export function kvSet(sql: SqlStorage, key: string, value: unknown): void {
  sql.exec('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, JSON.stringify(value));
}

export function findPayment(sql: SqlStorage, accountId: string, providerTxId: string): PaymentJson | null {
  const row = sql
    .exec<{ json: string }>('SELECT json FROM payments WHERE account_id = ? AND provider_tx_id = ?', accountId, providerTxId)
    .toArray()[0];
  return row ? (JSON.parse(row.json) as PaymentJson) : null;
}

/** Queues one D1 write; statements must be idempotent (upserts, guarded updates). */
export function project(sql: SqlStorage, statement: string, params: unknown[]): void {
  sql.exec('INSERT INTO projection (sql, params) VALUES (?, ?)', statement, JSON.stringify(params));
}

export function insertPayment(sql: SqlStorage, payment: PaymentJson, merchantId: string, raw: string): void {
  sql.exec(
    'INSERT INTO payments (id, account_id, provider_tx_id, json) VALUES (?, ?, ?, ?)',
    payment.id,
    payment.providerAccountId,
    payment.providerTransactionId,
    JSON.stringify(payment),
  );
  project(
    sql,
    `INSERT INTO payments (id, merchant_id, order_id, provider_account_id, provider, provider_transaction_id, bank_reference,
       amount, content, account_number, counter_account, occurred_at, received_at, matched_by, raw)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [
      payment.id,
      merchantId,
      payment.orderId,
      payment.providerAccountId,
      payment.provider,
      payment.providerTransactionId,
      payment.bankReference,
      payment.amount,
      payment.content,
      payment.accountNumber,
      payment.counterAccount ? JSON.stringify(payment.counterAccount) : null,
      payment.occurredAt,
      payment.receivedAt,
      payment.matchedBy,
      raw,
    ],
  );
}

/** An endpoint as fan-out sees it: which types it wants and whether it is enabled now. */
export interface FanoutEndpoint {
  id: string;
  eventTypes: string[] | null;
  enabled: boolean;
}

export interface EventContext {
  merchantId: string;
  /** Which Durable Object owns the outbox rows (`order:<id>`, `account:<id>`, `merchant:<id>`). */
  owner: string;
  orderId: string | null;
  endpoints: FanoutEndpoint[];
  now: Date;
}

/**
 * Records an event and one outbox row per subscribed endpoint (skipped, for a disabled endpoint, so that
 * recover can send it later). Returns the event.
 */
export function insertEvent(sql: SqlStorage, ctx: EventContext, type: EventType, data: EventJson['data']): EventJson {
  const createdAt = ctx.now.toISOString();
  const event: EventJson = { id: newId('evt'), object: 'event', type, createdAt, data };
  const json = JSON.stringify(event);
  sql.exec('INSERT INTO events (id, type, json) VALUES (?, ?, ?)', event.id, type, json);
  project(
    sql,
    'INSERT INTO events (id, merchant_id, type, order_id, payment_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    [event.id, ctx.merchantId, type, ctx.orderId, data.payment?.id ?? null, JSON.stringify(data), createdAt],
  );
  for (const endpoint of ctx.endpoints) {
    if (endpoint.eventTypes && !endpoint.eventTypes.includes(type)) continue;
    addDelivery(sql, ctx, event.id, endpoint.id, endpoint.enabled ? 'pending' : 'skipped');
  }
  return event;
}

export function addDelivery(
  sql: SqlStorage,
  ctx: Pick<EventContext, 'merchantId' | 'owner' | 'orderId' | 'now'>,
  eventId: string,
  endpointId: string,
  status: 'pending' | 'skipped',
): void {
  const id = newId('dlv');
  const at = ctx.now.toISOString();
  const nextAt = status === 'pending' ? ctx.now.getTime() : null;
  sql.exec(
    'INSERT INTO outbox (id, event_id, endpoint_id, status, next_at, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    id,
    eventId,
    endpointId,
    status,
    nextAt,
    at,
  );
  projectDelivery(
    sql,
    { id, eventId, endpointId, status, attempts: 0, nextAt, createdAt: at, epoch: 0 },
    ctx.merchantId,
    ctx.owner,
    ctx.orderId,
    at,
  );
}

export type OutboxRow = {
  id: string;
  eventId: string;
  endpointId: string;
  status: string;
  attempts: number;
  nextAt: number | null;
  createdAt: string;
  epoch: number;
};

export function projectDelivery(
  sql: SqlStorage,
  row: OutboxRow,
  merchantId: string,
  owner: string,
  orderId: string | null,
  updatedAt: string,
) {
  project(
    sql,
    `INSERT INTO deliveries (id, event_id, endpoint_id, merchant_id, order_id, owner, status, attempts, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
       next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at
     WHERE excluded.attempts >= deliveries.attempts`,
    [
      row.id,
      row.eventId,
      row.endpointId,
      merchantId,
      orderId,
      owner,
      row.status,
      row.attempts,
      row.nextAt === null ? null : new Date(row.nextAt).toISOString(),
      row.createdAt,
      updatedAt,
    ],
  );
}

const OUTBOX_COLUMNS =
  'id, event_id AS eventId, endpoint_id AS endpointId, status, attempts, next_at AS nextAt, created_at AS createdAt, epoch';

export function dueDeliveries(sql: SqlStorage, now: number, limit: number): OutboxRow[] {
  return sql
    .exec<OutboxRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE status = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?`, now, limit)
    .toArray();
}

export function outboxRows(sql: SqlStorage, where: string, ...params: SqlStorageValue[]): OutboxRow[] {
  return sql.exec<OutboxRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE ${where}`, ...params).toArray();
}

export function eventJson(sql: SqlStorage, eventId: string): string | null {
  return sql.exec<{ json: string }>('SELECT json FROM events WHERE id = ?', eventId).toArray()[0]?.json ?? null;
}

/** The earliest time this DO has work to do (a due delivery or unflushed projection), or null. */
export function nextOutboxTime(sql: SqlStorage): number | null {
  const row = sql.exec<{ at: number | null }>("SELECT MIN(next_at) AS at FROM outbox WHERE status = 'pending'").one();
  return row.at;
}

export function pendingProjection(sql: SqlStorage, limit: number): { seq: number; sql: string; params: string }[] {
  return sql
    .exec<{ seq: number; sql: string; params: string }>('SELECT seq, sql, params FROM projection ORDER BY seq LIMIT ?', limit)
    .toArray();
}

export function dropProjection(sql: SqlStorage, upToSeq: number): void {
  sql.exec('DELETE FROM projection WHERE seq <= ?', upToSeq);
}
