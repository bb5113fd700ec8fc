import type { FanoutEvent } from '../delivery/fanout';
import { newId } from '../lib/ids';
import type { EventOf, EventType } from '../schemas/event';
import { enqueue } from './projection';

/** Who records an event: its merchant and the DO whose outbox delivers it (`ledger:<name>`, `merchant:<id>`). */
export interface EventOwner {
  merchantId: string;
  owner: string;
}

/**
 * Records an event with the transition that caused it (call inside that transaction). Its deliveries are
 * made after the commit, by fan-out; until then it waits with `fanned = 0`.
 */
export function insertEvent<T extends EventType>(sql: SqlStorage, owner: EventOwner, type: T, data: EventOf<T>['data'], now: Date) {
  const event = { id: newId('evt'), object: 'event' as const, type, createdAt: now.toISOString(), data };
  const json = JSON.stringify(event);
  const orderId = data.order?.id ?? null;
  sql.exec('INSERT INTO events (id, type, order_id, json) VALUES (?, ?, ?, ?)', event.id, type, orderId, json);
  enqueue(sql, {
    kind: 'event',
    id: event.id,
    merchantId: owner.merchantId,
    owner: owner.owner,
    type,
    orderId,
    paymentId: data.payment?.id ?? null,
    data: JSON.stringify(data),
    createdAt: event.createdAt,
  });
  return event;
}

/** An event known from D1 but not held here (replay of an event recorded elsewhere or before the ledger). */
export function adoptEvent(sql: SqlStorage, event: { id: string; type: string; orderId: string | null; json: string }): void {
  sql.exec(
    'INSERT INTO events (id, type, order_id, json, fanned) VALUES (?, ?, ?, ?, 1) ON CONFLICT DO NOTHING',
    event.id,
    event.type,
    event.orderId,
    event.json,
  );
}

export const unfannedEvents = (sql: SqlStorage, limit: number): FanoutEvent[] =>
  sql.exec<FanoutEvent>('SELECT id, type, order_id AS orderId FROM events WHERE fanned = 0 ORDER BY rowid LIMIT ?', limit).toArray();

export const markFanned = (sql: SqlStorage, eventId: string): void => {
  sql.exec('UPDATE events SET fanned = 1 WHERE id = ?', eventId);
};

export const eventBody = (sql: SqlStorage, eventId: string): string | null =>
  sql.exec<{ json: string }>('SELECT json FROM events WHERE id = ?', eventId).toArray()[0]?.json ?? null;
