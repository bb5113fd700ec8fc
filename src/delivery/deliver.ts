import { clearEndpointFailing, disableEndpoint, type EndpointRow, getEndpointById, markEndpointFailing } from '../db/endpoints';
import type { AttemptRecord } from '../db/projection';
import { maybeFail } from '../lib/faults';
import { newId } from '../lib/ids';
import { log } from '../lib/log';
import { signingSecrets } from './endpoint-secrets';
import { dueDeliveries, type OutboxOwner, type OutboxRow, updateDelivery } from './outbox';
import { ATTEMPT_TIMEOUT_MS, MAX_IN_FLIGHT, nextAttemptDelay, parseRetryAfter, shouldDisable } from './schedule';
import { type SendResult, sendWebhook } from './send';
import { signWebhook } from './sign';

/** Deliveries one run takes on; the rest wait for the next run. */
export const PER_RUN = 60;

/** What the delivery engine needs from the Durable Object whose outbox it works through. */
export interface DeliveryHost extends OutboxOwner {
  sql: SqlStorage;
  storage: DurableObjectStorage;
  env: Env;
  /** The event's JSON body as stored with its transition, or null when it is missing. */
  eventBody(eventId: string): string | null;
  projectAttempt(record: AttemptRecord): void;
  /** Called once when an endpoint crossed the failure limit, to emit `endpoint.disabled`. */
  onEndpointDisabled(endpointId: string): Promise<void>;
}

/**
 * Sends every due delivery, at most MAX_IN_FLIGHT at once; a slow endpoint holds up only its own slot.
 * Every due row ends the run with an outcome recorded: sent, skipped, or a failed attempt (also when it
 * failed before it could be sent), so no row stays due in the past to re-arm the alarm into a loop.
 * Returns how many rows it took on (PER_RUN means there may be more).
 */
export async function deliverDue(host: DeliveryHost, now = Date.now()): Promise<number> {
  const due = dueDeliveries(host.sql, now, PER_RUN);
  const endpoints = new Map<string, Promise<EndpointRow | null>>();
  const endpoint = (id: string) => {
    let row = endpoints.get(id);
    if (!row) {
      row = getEndpointById(host.env, id);
      endpoints.set(id, row);
    }
    return row;
  };
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const row = due[next++]!;
      try {
        await deliverOne(host, row, endpoint);
      } catch (error) {
        // Only recording the outcome can fail here (storage); the row stays due and the next run retries it.
        log('error', 'delivery outcome not recorded', { delivery: row.id, error: String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, due.length) }, worker));
  return due.length;
}

/** The request of one attempt, or why it could not be made. */
async function prepare(host: DeliveryHost, row: OutboxRow, endpoint: EndpointRow, at: Date) {
  maybeFail('before-send');
  const body = host.eventBody(row.eventId);
  if (body === null) throw new Error(`event ${row.eventId} is missing`);
  const secrets = await signingSecrets(host.env.SECRETS_KEY, endpoint, at);
  const headers = await signWebhook({ id: row.eventId, timestamp: at.getTime() / 1000, body, secrets });
  return { body, headers };
}

async function deliverOne(host: DeliveryHost, row: OutboxRow, endpointOf: (id: string) => Promise<EndpointRow | null>) {
  const at = new Date();
  let endpoint: EndpointRow | null;
  try {
    endpoint = await endpointOf(row.endpointId);
  } catch (error) {
    // D1 unreachable: an attempt that failed before sending, on the normal schedule.
    return recordAttempt(host, row, null, failedBeforeSend(error), at);
  }
  if (!endpoint || endpoint.deleted_at || endpoint.enabled !== 1) {
    host.storage.transactionSync(() =>
      updateDelivery(host.sql, host, row, { status: 'skipped', attempts: row.attempts, nextAt: null }, at),
    );
    return;
  }
  let result: SendResult;
  try {
    const request = await prepare(host, row, endpoint, at);
    maybeFail('during-send');
    result = await sendWebhook({ url: endpoint.url, headers: request.headers, body: request.body, timeoutMs: ATTEMPT_TIMEOUT_MS });
  } catch (error) {
    result = failedBeforeSend(error);
  }
  maybeFail('after-send'); // test-only: the request went out, the DO dies before recording it
  await recordAttempt(host, row, endpoint, result, at);
}

const failedBeforeSend = (error: unknown): SendResult => ({
  ok: false,
  status: null,
  body: '',
  durationMs: 0,
  disable: false,
  abort: false,
  error: String(error),
});

async function recordAttempt(host: DeliveryHost, row: OutboxRow, endpoint: EndpointRow | null, result: SendResult, at: Date) {
  const attempt = row.attempts + 1;
  const now = Date.now();
  const delay =
    result.ok || result.abort || result.disable ? null : nextAttemptDelay(attempt, Math.random, parseRetryAfter(result.retryAfter, now));
  host.storage.transactionSync(() => {
    // Requeued (replay, recover) while this attempt was in flight: record it, and keep the requeue.
    const [current] = host.sql.exec<{ epoch: number }>('SELECT epoch FROM outbox WHERE id = ?', row.id).toArray();
    const requeued = current !== undefined && current.epoch !== row.epoch;
    const status = requeued ? 'pending' : result.ok ? 'succeeded' : delay === null ? 'failed' : 'pending';
    const nextAt = requeued ? now : delay === null ? null : now + delay;
    updateDelivery(host.sql, host, row, { status, attempts: attempt, nextAt }, at);
    host.projectAttempt({
      kind: 'attempt',
      id: newId('att'),
      deliveryId: row.id,
      eventId: row.eventId,
      endpointId: row.endpointId,
      merchantId: host.merchantId,
      attempt,
      status: result.ok ? 'succeeded' : 'failed',
      responseStatus: result.status,
      responseBody: result.body || (result.error ?? ''),
      durationMs: result.durationMs,
      createdAt: at.toISOString(),
    });
  });
  if (endpoint) await updateEndpointHealth(host, endpoint, result, at);
}

/** Success clears the failure clock; 410 disables at once; five days of nothing but failures disables too. */
async function updateEndpointHealth(host: DeliveryHost, endpoint: EndpointRow, result: SendResult, at: Date) {
  const iso = at.toISOString();
  try {
    if (result.ok) {
      if (endpoint.failing_since) await clearEndpointFailing(host.env, endpoint.id);
      return;
    }
    if (result.disable) {
      await disableEndpoint(host.env, endpoint.id, iso);
      return;
    }
    await markEndpointFailing(host.env, endpoint.id, iso);
    if (shouldDisable(endpoint.failing_since, at.getTime()) && (await disableEndpoint(host.env, endpoint.id, iso)))
      await host.onEndpointDisabled(endpoint.id);
  } catch (error) {
    // Health is advisory; the attempt itself is recorded. The next failure tries again.
    log('warn', 'endpoint health not updated', { endpoint: endpoint.id, error: String(error) });
  }
}
