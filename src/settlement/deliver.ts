import { newId } from '../db/ids';
import { signingSecrets } from '../delivery/endpoint-secrets';
import { ATTEMPT_TIMEOUT_MS, MAX_IN_FLIGHT, nextAttemptDelay, parseRetryAfter, shouldDisable } from '../delivery/schedule';
import { type SendResult, sendWebhook } from '../delivery/send';
import { signWebhook } from '../delivery/sign';
import type { Env } from '../env';
import { log } from '../lib/log';
import { maybeFail } from './faults';
import { dueDeliveries, eventJson, type OutboxRow, outboxRows, project, projectDelivery } from './ledger';

/** Deliveries one alarm run takes on; the rest wait for the next run, armed right after. */
const PER_RUN = 60;

export interface DeliveryOwner {
  sql: SqlStorage;
  storage: DurableObjectStorage;
  env: Env;
  merchantId: string;
  owner: string;
  orderId: string | null;
  /** Called when an endpoint crossed the failure limit, to emit `endpoint.disabled` once. */
  onEndpointDisabled(endpointId: string): Promise<void>;
}

interface EndpointRow {
  id: string;
  url: string;
  enabled: number;
  deleted_at: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  failing_since: string | null;
}

/** Sends every due delivery, at most MAX_IN_FLIGHT at once; a slow endpoint holds up only its own slot. */
export async function deliverDue(owner: DeliveryOwner, now = Date.now()): Promise<void> {
  const due = dueDeliveries(owner.sql, now, PER_RUN);
  const endpoints = new Map<string, Promise<EndpointRow | null>>();
  const endpoint = (id: string) => {
    let row = endpoints.get(id);
    if (!row) {
      row = owner.env.DB.prepare('SELECT * FROM endpoints WHERE id = ?').bind(id).first<EndpointRow>();
      endpoints.set(id, row);
    }
    return row;
  };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const row = due[next++]!;
      try {
        await deliverOne(owner, row, await endpoint(row.endpointId));
      } catch (error) {
        // Left pending and due: the next alarm run retries it; nothing is recorded twice.
        log('error', 'delivery run failed', { delivery: row.id, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, due.length) }, worker));
}

async function deliverOne(owner: DeliveryOwner, row: OutboxRow, endpoint: EndpointRow | null): Promise<void> {
  const at = new Date();
  if (!endpoint || endpoint.deleted_at || endpoint.enabled !== 1) {
    updateOutbox(owner, row, 'skipped', row.attempts, null, at);
    return;
  }
  const body = eventJson(owner.sql, row.eventId);
  if (body === null) return;
  const secrets = await signingSecrets(owner.env.SECRETS_KEY, endpoint, at);
  const headers = await signWebhook({ id: row.eventId, timestamp: at.getTime() / 1000, body, secrets });
  let result: SendResult;
  try {
    maybeFail('during-send');
    result = await sendWebhook({ url: endpoint.url, headers, body, timeoutMs: ATTEMPT_TIMEOUT_MS });
  } catch (error) {
    result = { ok: false, status: null, body: '', durationMs: 0, disable: false, abort: false, error: String(error) };
  }
  maybeFail('after-send');
  await recordAttempt(owner, row, endpoint, result, at);
}

async function recordAttempt(owner: DeliveryOwner, row: OutboxRow, endpoint: EndpointRow, result: SendResult, at: Date) {
  const attempt = row.attempts + 1;
  const now = Date.now();
  const delay =
    result.ok || result.abort || result.disable ? null : nextAttemptDelay(attempt, Math.random, parseRetryAfter(result.retryAfter, now));
  owner.storage.transactionSync(() => {
    // Requeued (replay, recover) while this attempt was in flight: record it, and keep the requeue.
    const requeued = outboxRows(owner.sql, 'id = ? AND epoch != ?', row.id, row.epoch).length > 0;
    const status = requeued ? 'pending' : result.ok ? 'succeeded' : delay === null ? 'failed' : 'pending';
    updateOutbox(owner, row, status, attempt, requeued ? now : delay === null ? null : now + delay, at);
    project(
      owner.sql,
      `INSERT INTO attempts (id, delivery_id, event_id, endpoint_id, merchant_id, attempt, status, response_status, response_body, duration_ms, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [
        newId('att'),
        row.id,
        row.eventId,
        row.endpointId,
        owner.merchantId,
        attempt,
        result.ok ? 'succeeded' : 'failed',
        result.status,
        result.body || (result.error ?? ''),
        result.durationMs,
        at.toISOString(),
      ],
    );
  });
  await updateEndpointHealth(owner, endpoint, result, at);
}

function updateOutbox(owner: DeliveryOwner, row: OutboxRow, status: string, attempts: number, nextAt: number | null, at: Date) {
  owner.sql.exec('UPDATE outbox SET status = ?, attempts = ?, next_at = ? WHERE id = ?', status, attempts, nextAt, row.id);
  projectDelivery(owner.sql, { ...row, status, attempts, nextAt }, owner.merchantId, owner.owner, owner.orderId, at.toISOString());
}

/** Success clears the failure clock; 410 disables at once; five days of nothing but failures disables too. */
async function updateEndpointHealth(owner: DeliveryOwner, endpoint: EndpointRow, result: SendResult, at: Date) {
  const db = owner.env.DB;
  const iso = at.toISOString();
  if (result.ok) {
    if (endpoint.failing_since) await db.prepare('UPDATE endpoints SET failing_since = NULL WHERE id = ?').bind(endpoint.id).run();
    return;
  }
  if (result.disable) {
    await db.prepare('UPDATE endpoints SET enabled = 0, disabled_at = ? WHERE id = ? AND enabled = 1').bind(iso, endpoint.id).run();
    return;
  }
  await db.prepare('UPDATE endpoints SET failing_since = COALESCE(failing_since, ?) WHERE id = ?').bind(iso, endpoint.id).run();
  if (shouldDisable(endpoint.failing_since, at.getTime())) {
    const changed = await db
      .prepare('UPDATE endpoints SET enabled = 0, disabled_at = ? WHERE id = ? AND enabled = 1')
      .bind(iso, endpoint.id)
      .run();
    if (changed.meta.changes > 0) await owner.onEndpointDisabled(endpoint.id);
  }
}
