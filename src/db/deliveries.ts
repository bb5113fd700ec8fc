import type { AttemptRow } from './events';
import { afterCursor, type Cursor } from './pagination';

/** A row of `deliveries` (the D1 projection of the ledgers' outboxes), with its event's type. */
export interface DeliveryRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  merchant_id: string;
  status: 'pending' | 'succeeded' | 'failed' | 'skipped';
  attempts: number;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  event_type: string;
  /** The endpoint's URL (null once the endpoint row is gone). */
  endpoint_url: string | null;
}

const SELECT = `SELECT d.id, d.event_id, d.endpoint_id, d.merchant_id, d.status, d.attempts, d.next_attempt_at, d.created_at,
                       d.updated_at, e.type AS event_type, p.url AS endpoint_url
                  FROM deliveries d JOIN events e ON e.id = d.event_id LEFT JOIN endpoints p ON p.id = d.endpoint_id`;

/** One page of an endpoint's deliveries, newest first (`limit + 1` rows). */
export async function listEndpointDeliveries(env: Env, merchantId: string, endpointId: string, cursor: Cursor | null, limit: number) {
  const after = afterCursor(cursor, 'd.created_at', 'd.id');
  const { results } = await env.DB.prepare(
    `${SELECT} WHERE d.endpoint_id = ? AND d.merchant_id = ? AND ${after.sql} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
  )
    .bind(endpointId, merchantId, ...after.params, limit + 1)
    .all<DeliveryRow>();
  return results;
}

/** Every delivery of an order's events, oldest first. */
export async function listOrderDeliveries(env: Env, merchantId: string, orderId: string): Promise<DeliveryRow[]> {
  const { results } = await env.DB.prepare(`${SELECT} WHERE e.order_id = ? AND e.merchant_id = ? ORDER BY d.created_at, d.id LIMIT 200`)
    .bind(orderId, merchantId)
    .all<DeliveryRow>();
  return results;
}

/** The merchant's delivery, or null (another merchant's is as absent as a missing one). */
export function getDelivery(env: Env, merchantId: string, id: string): Promise<DeliveryRow | null> {
  return env.DB.prepare(`${SELECT} WHERE d.id = ? AND d.merchant_id = ?`).bind(id, merchantId).first<DeliveryRow>();
}

/** The attempts of some deliveries, by delivery id, first attempt first. */
export async function attemptsOf(env: Env, merchantId: string, deliveryIds: string[]): Promise<Map<string, AttemptRow[]>> {
  const byDelivery = new Map<string, AttemptRow[]>();
  for (let i = 0; i < deliveryIds.length; i += 50) {
    const chunk = deliveryIds.slice(i, i + 50);
    if (chunk.length === 0) break;
    const { results } = await env.DB.prepare(
      `SELECT * FROM attempts WHERE delivery_id IN (${chunk.map(() => '?').join(', ')}) AND merchant_id = ? ORDER BY delivery_id, attempt`,
    )
      .bind(...chunk, merchantId)
      .all<AttemptRow>();
    for (const row of results) byDelivery.set(row.delivery_id, [...(byDelivery.get(row.delivery_id) ?? []), row]);
  }
  return byDelivery;
}

/** Which Durable Object holds each delivery's outbox row (`owner`), for the named deliveries. */
export async function deliveryOwners(env: Env, ids: string[]): Promise<{ id: string; owner: string }[]> {
  const owners: { id: string; owner: string }[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50);
    const { results } = await env.DB.prepare(`SELECT id, owner FROM deliveries WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .bind(...chunk)
      .all<{ id: string; owner: string }>();
    owners.push(...results);
  }
  return owners;
}
