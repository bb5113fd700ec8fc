import { endpointWants } from '../schemas/event';
import { type Cursor, newestFirst } from './pagination';

/** An `endpoints` row; `secret` and `previous_secret` are sealed (see endpoint-secrets.ts). */
export interface EndpointRow {
  id: string;
  merchant_id: string;
  url: string;
  description: string | null;
  event_types: string | null;
  enabled: number;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  failing_since: string | null;
  disabled_at: string | null;
  created_at: string;
  deleted_at: string | null;
}

export type NewEndpointRow = Pick<EndpointRow, 'id' | 'merchant_id' | 'url' | 'description' | 'event_types' | 'secret' | 'created_at'>;

/** Fields PATCH may change, as column values. */
export interface EndpointChanges {
  url?: string;
  description?: string | null;
  event_types?: string | null;
  enabled?: boolean;
}

const LIVE = 'merchant_id = ? AND deleted_at IS NULL';

/** The `event_types` column: a JSON array of types, or NULL for every type. */
const eventTypesOf = (column: string | null): string[] | null => (column ? (JSON.parse(column) as string[]) : null);

export async function insertEndpoint(env: Env, row: NewEndpointRow): Promise<void> {
  await env.DB.prepare(
    'INSERT INTO endpoints (id, merchant_id, url, description, event_types, enabled, secret, created_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
  )
    .bind(row.id, row.merchant_id, row.url, row.description, row.event_types, row.secret, row.created_at)
    .run();
}

/** One of the merchant's endpoints; null when it is another merchant's, deleted, or unknown. */
export function getEndpoint(env: Env, merchantId: string, id: string): Promise<EndpointRow | null> {
  return env.DB.prepare(`SELECT * FROM endpoints WHERE id = ? AND ${LIVE}`).bind(id, merchantId).first<EndpointRow>();
}

/** One page (limit + 1 rows, see toPage) of the merchant's endpoints, newest first. */
export function listEndpoints(env: Env, merchantId: string, cursor: Cursor | null, limit: number): Promise<EndpointRow[]> {
  return newestFirst<EndpointRow>(env, 'endpoints', [{ sql: LIVE, params: [merchantId] }], 'created_at', cursor, limit);
}

/** The endpoints events are delivered to: enabled and not deleted. */
export async function listActiveEndpoints(env: Env, merchantId: string): Promise<EndpointRow[]> {
  const { results } = await env.DB.prepare(`SELECT * FROM endpoints WHERE ${LIVE} AND enabled = 1 ORDER BY created_at, id`)
    .bind(merchantId)
    .all<EndpointRow>();
  return results;
}

/**
 * Applies a PATCH. Re-enabling a disabled endpoint clears its failure state; disabling stamps
 * `disabled_at`. Written as column expressions so that a concurrent delivery's health update is not lost.
 */
export async function updateEndpoint(env: Env, merchantId: string, id: string, changes: EndpointChanges, now: string): Promise<boolean> {
  const sets: string[] = [];
  const params: (string | number | null)[] = [];
  for (const column of ['url', 'description', 'event_types'] as const) {
    if (changes[column] === undefined) continue;
    sets.push(`${column} = ?`);
    params.push(changes[column]);
  }
  if (changes.enabled === true) {
    sets.push('failing_since = CASE WHEN enabled = 0 THEN NULL ELSE failing_since END', 'disabled_at = NULL', 'enabled = 1');
  } else if (changes.enabled === false) {
    sets.push('disabled_at = CASE WHEN enabled = 1 THEN ? ELSE disabled_at END', 'enabled = 0');
    params.push(now);
  }
  if (sets.length === 0) return (await getEndpoint(env, merchantId, id)) !== null;
  const result = await env.DB.prepare(`UPDATE endpoints SET ${sets.join(', ')} WHERE id = ? AND ${LIVE}`)
    .bind(...params, id, merchantId)
    .run();
  return result.meta.changes > 0;
}

export async function softDeleteEndpoint(env: Env, merchantId: string, id: string, now: string): Promise<boolean> {
  const result = await env.DB.prepare(`UPDATE endpoints SET deleted_at = ? WHERE id = ? AND ${LIVE}`).bind(now, id, merchantId).run();
  return result.meta.changes > 0;
}

/** The current secret becomes the previous one, signing alongside the new one until `previousUntil`. */
export async function rotateEndpointSecret(env: Env, merchantId: string, id: string, sealedSecret: string, previousUntil: string) {
  const result = await env.DB.prepare(
    `UPDATE endpoints SET previous_secret = secret, previous_secret_until = ?, secret = ? WHERE id = ? AND ${LIVE}`,
  )
    .bind(previousUntil, sealedSecret, id, merchantId)
    .run();
  return result.meta.changes > 0;
}

/**
 * Deliveries to re-send on recover: created since `since`, whose last attempt failed (finally, or
 * still waiting for a retry), or that were skipped while the endpoint was disabled.
 */
export async function recoverableDeliveryIds(env: Env, endpointId: string, since: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT id FROM deliveries
      WHERE endpoint_id = ? AND created_at >= ?
        AND (status IN ('failed', 'skipped') OR (status = 'pending' AND attempts > 0))
      ORDER BY created_at`,
  )
    .bind(endpointId, since)
    .all<{ id: string }>();
  return results.map((row) => row.id);
}

/** Any endpoint by id, deleted or not: the delivery engine decides what a deleted one means. */
export function getEndpointById(env: Env, id: string): Promise<EndpointRow | null> {
  return env.DB.prepare('SELECT * FROM endpoints WHERE id = ?').bind(id).first<EndpointRow>();
}

/** An endpoint as fan-out sees it: which types it wants and whether it is enabled now. */
export interface FanoutEndpoint {
  id: string;
  eventTypes: string[] | null;
  enabled: boolean;
}

/** The merchant's endpoints for fan-out (disabled ones get skipped deliveries, which recover can send later). */
export async function fanoutEndpoints(env: Env, merchantId: string): Promise<FanoutEndpoint[]> {
  const { results } = await env.DB.prepare('SELECT id, event_types, enabled FROM endpoints WHERE merchant_id = ? AND deleted_at IS NULL')
    .bind(merchantId)
    .all<{ id: string; event_types: string | null; enabled: number }>();
  return results.map((row) => ({
    id: row.id,
    eventTypes: eventTypesOf(row.event_types),
    enabled: row.enabled === 1,
  }));
}

/** The endpoints a replay without `endpointId` goes to: every enabled one that wants the type (or just the one named). */
export async function replayTargets(env: Env, merchantId: string, type: string, endpointId?: string): Promise<string[]> {
  const rows = await listActiveEndpoints(env, merchantId);
  return rows
    .filter((row) => (endpointId ? row.id === endpointId : endpointWants(eventTypesOf(row.event_types), type)))
    .map((row) => row.id);
}

/** A delivery succeeded: the endpoint is no longer failing. */
export async function clearEndpointFailing(env: Env, id: string): Promise<void> {
  await env.DB.prepare('UPDATE endpoints SET failing_since = NULL WHERE id = ?').bind(id).run();
}

/** A delivery failed: the endpoint's failure clock starts (if it had not). */
export async function markEndpointFailing(env: Env, id: string, at: string): Promise<void> {
  await env.DB.prepare('UPDATE endpoints SET failing_since = COALESCE(failing_since, ?) WHERE id = ?').bind(at, id).run();
}

/** Disables an enabled endpoint; true when this call disabled it (false when it already was). */
export async function disableEndpoint(env: Env, id: string, at: string): Promise<boolean> {
  const changed = await env.DB.prepare('UPDATE endpoints SET enabled = 0, disabled_at = ? WHERE id = ? AND enabled = 1').bind(at, id).run();
  return changed.meta.changes > 0;
}
