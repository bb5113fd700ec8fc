import type { AttemptRecord, DeliveryRecord } from '../db/projection';
import { type DeliveryHost, deliverDue, PER_RUN } from '../delivery/deliver';
import { fanOut, readFanout } from '../delivery/fanout';
import { nextDeliveryTime } from '../delivery/outbox';
import { log } from '../lib/log';
import { eventBody, markFanned, unfannedEvents } from './events-store';
import { enqueue, flushProjection, hasPendingProjection } from './projection';

/**
 * What every event-holding Durable Object (a ledger, a merchant's own events) does after its commits:
 * project to D1, fan events out to endpoints, deliver. None of it is on the money path.
 */
export interface Host {
  sql: SqlStorage;
  storage: DurableObjectStorage;
  env: Env;
  merchantId: string;
  /** `ledger:<name>` or `merchant:<id>`: where D1 routes replays and recovers of this outbox. */
  owner: string;
  onEndpointDisabled(endpointId: string): Promise<void>;
}

/** How soon a failed D1 write (projection, fan-out) is tried again. */
export const RETRY_SOON_MS = 2_000;
/** An alarm never re-arms closer than this after a run: a row that stays due cannot spin the alarm. */
export const MIN_REARM_MS = 1_000;
/** How soon an alarm run that failed outright is tried again. */
export const ALARM_RETRY_MS = 30_000;

const FANOUT_BATCH = 100;

export const deliveryHost = (host: Host): DeliveryHost => ({
  ...host,
  project: (record: DeliveryRecord) => enqueue(host.sql, record),
  projectAttempt: (record: AttemptRecord) => enqueue(host.sql, record),
  eventBody: (eventId) => eventBody(host.sql, eventId),
});

/** Fans out every waiting event: one D1 read of the merchant's endpoints, then one transaction. False when D1 failed. */
async function fanOutWaiting(host: Host): Promise<boolean> {
  const waiting = unfannedEvents(host.sql, FANOUT_BATCH);
  if (waiting.length === 0) return true;
  let endpoints: Awaited<ReturnType<typeof readFanout>>;
  try {
    endpoints = await readFanout(host.env, host.merchantId);
  } catch (error) {
    log('warn', 'fan-out failed; will retry', { owner: host.owner, error: String(error) });
    return false;
  }
  const owner = deliveryHost(host);
  const now = new Date();
  host.storage.transactionSync(() => {
    // Re-read inside the transaction: another drain may have fanned some out meanwhile.
    for (const event of unfannedEvents(host.sql, FANOUT_BATCH)) {
      fanOut(host.sql, owner, event, endpoints, now);
      markFanned(host.sql, event.id);
    }
  });
  return unfannedEvents(host.sql, 1).length === 0 || fanOutWaiting(host);
}

/** Projection and fan-out, as far as D1 lets them go now. True when nothing is left to retry. */
export async function drainHost(host: Host): Promise<boolean> {
  const projected = await flushProjection(host.sql, host.env.DB);
  const fanned = await fanOutWaiting(host);
  const reprojected = await flushProjection(host.sql, host.env.DB);
  return projected && fanned && reprojected;
}

/** The earliest moment this DO has work: a due delivery, a retry of D1 work, or `extra` times of its own. */
export function nextWork(host: Host, extra: (number | null)[], now: number): number | null {
  const times = [nextDeliveryTime(host.sql), ...extra];
  if (hasPendingProjection(host.sql) || unfannedEvents(host.sql, 1).length > 0) times.push(now + RETRY_SOON_MS);
  const due = times.filter((t): t is number => t !== null);
  return due.length === 0 ? null : Math.min(...due);
}

/** Sends due deliveries; true when the run was capped and more may be due right away. */
export async function deliverWaiting(host: Host): Promise<boolean> {
  return (await deliverDue(deliveryHost(host))) >= PER_RUN;
}
