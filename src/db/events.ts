import type { Attempt, Event, EventType } from '../schemas/event';
import { afterCursor, type Cursor } from './pagination';

/** A row of `events` as D1 returns it. */
export interface EventRow {
  id: string;
  merchant_id: string;
  type: EventType;
  order_id: string | null;
  payment_id: string | null;
  data: string;
  created_at: string;
  /** The Durable Object holding its outbox (`ledger:<name>`, `merchant:<id>`); null for events of the first design. */
  owner: string | null;
}

/** A row of `attempts`. */
export interface AttemptRow {
  id: string;
  delivery_id: string;
  event_id: string;
  endpoint_id: string;
  attempt: number;
  status: 'succeeded' | 'failed';
  response_status: number | null;
  response_body: string | null;
  duration_ms: number;
  created_at: string;
}

/** A row as the public Event JSON (`data` as it was delivered). */
export const eventFromRow = (row: EventRow): Event => ({
  id: row.id,
  object: 'event',
  type: row.type,
  createdAt: row.created_at,
  data: JSON.parse(row.data),
});

export const attemptFromRow = (row: AttemptRow): Attempt => ({
  id: row.id,
  endpointId: row.endpoint_id,
  attempt: row.attempt,
  status: row.status,
  responseStatus: row.response_status,
  responseBody: row.response_body ?? '',
  durationMs: row.duration_ms,
  createdAt: row.created_at,
});

export function getEvent(env: Env, merchantId: string, id: string): Promise<EventRow | null> {
  return env.DB.prepare('SELECT * FROM events WHERE id = ? AND merchant_id = ?').bind(id, merchantId).first<EventRow>();
}

export interface EventFilter {
  type?: string;
  orderId?: string;
}

/** One page of the merchant's events, newest first (`limit + 1` rows). */
export async function listEvents(env: Env, merchantId: string, filter: EventFilter, cursor: Cursor | null, limit: number) {
  const where = ['merchant_id = ?'];
  const params: string[] = [merchantId];
  if (filter.type) {
    where.push('type = ?');
    params.push(filter.type);
  }
  if (filter.orderId) {
    where.push('order_id = ?');
    params.push(filter.orderId);
  }
  const after = afterCursor(cursor, 'created_at');
  const { results } = await env.DB.prepare(
    `SELECT * FROM events WHERE ${where.join(' AND ')} AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`,
  )
    .bind(...params, ...after.params, limit + 1)
    .all<EventRow>();
  return results;
}

/** One page of an event's delivery attempts, newest first (`limit + 1` rows). */
export async function listAttempts(env: Env, eventId: string, cursor: Cursor | null, limit: number) {
  const after = afterCursor(cursor, 'created_at');
  const { results } = await env.DB.prepare(
    `SELECT * FROM attempts WHERE event_id = ? AND ${after.sql} ORDER BY created_at DESC, id DESC LIMIT ?`,
  )
    .bind(eventId, ...after.params, limit + 1)
    .all<AttemptRow>();
  return results;
}
