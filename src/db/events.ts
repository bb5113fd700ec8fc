import type { Attempt, Event, EventType } from '../schemas/event';
import { type Cursor, equals, newestFirst } from './pagination';

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
export function listEvents(env: Env, merchantId: string, filter: EventFilter, cursor: Cursor | null, limit: number) {
  const conditions = [equals('merchant_id', merchantId), equals('type', filter.type), equals('order_id', filter.orderId)];
  return newestFirst<EventRow>(env, 'events', conditions, 'created_at', cursor, limit);
}

/** One page of an event's delivery attempts, newest first (`limit + 1` rows). */
export function listAttempts(env: Env, eventId: string, cursor: Cursor | null, limit: number) {
  return newestFirst<AttemptRow>(env, 'attempts', [equals('event_id', eventId)], 'created_at', cursor, limit);
}
