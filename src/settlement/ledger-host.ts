import type { Env } from '../env';
import { log } from '../lib/log';
import { type DeliveryOwner, deliverDue } from './deliver';
import { nextOutboxTime, pendingProjection } from './ledger';
import { flushProjection } from './projection';

/** How soon a failed D1 projection is tried again. */
export const PROJECTION_RETRY_MS = 2_000;
/** How soon an alarm run that failed outright is tried again. */
export const ALARM_RETRY_MS = 30_000;

/**
 * Arms the alarm for the earliest pending work: a due delivery, unflushed projection rows, or
 * `extra` (an order's expiry). One alarm per DO, so it always points at the minimum.
 */
export async function armAlarm(storage: DurableObjectStorage, sql: SqlStorage, extra: number | null = null): Promise<void> {
  const times = [nextOutboxTime(sql), extra];
  if (pendingProjection(sql, 1).length > 0) times.push(Date.now() + PROJECTION_RETRY_MS);
  const next = Math.min(...times.filter((t): t is number => t !== null));
  if (Number.isFinite(next)) await storage.setAlarm(next);
}

/** After a commit: project to D1 right away (reads catch up fast), and leave the rest to the alarm. */
export async function afterCommit(storage: DurableObjectStorage, sql: SqlStorage, env: Env, extra: number | null = null): Promise<void> {
  await flushProjection(sql, env);
  await armAlarm(storage, sql, extra);
}

/** The shared part of every settling DO's alarm: projection, then deliveries, then projection of the attempts. Never throws. */
export async function runLedgerAlarm(owner: DeliveryOwner): Promise<void> {
  try {
    await flushProjection(owner.sql, owner.env);
    await deliverDue(owner);
    await flushProjection(owner.sql, owner.env);
  } catch (error) {
    log('error', 'alarm run failed', { owner: owner.owner, error: String(error) });
    await owner.storage.setAlarm(Date.now() + ALARM_RETRY_MS);
  }
}
