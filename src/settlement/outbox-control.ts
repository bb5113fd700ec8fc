import type { Env } from '../env';
import { addDelivery, type EventContext, outboxRows, projectDelivery } from './ledger';

/** Replay: every delivery of the event (or the one to `endpointId`) is due again now, attempts continue. */
export function replayEvent(
  sql: SqlStorage,
  ctx: Pick<EventContext, 'merchantId' | 'owner' | 'orderId' | 'now'>,
  eventId: string,
  endpointIds: string[],
): number {
  const existing = outboxRows(sql, 'event_id = ?', eventId);
  for (const endpointId of endpointIds) {
    if (!existing.some((row) => row.endpointId === endpointId)) addDelivery(sql, ctx, eventId, endpointId, 'pending');
  }
  const rows = outboxRows(sql, 'event_id = ?', eventId).filter((row) => endpointIds.includes(row.endpointId));
  requeueRows(sql, ctx, rows);
  return rows.length;
}

/** Recover: the named deliveries become due now (failed, waiting for a retry, or skipped while disabled). */
export function requeueDeliveries(
  sql: SqlStorage,
  ctx: Pick<EventContext, 'merchantId' | 'owner' | 'orderId' | 'now'>,
  ids: string[],
): number {
  const rows = ids.flatMap((id) => outboxRows(sql, "id = ? AND status IN ('failed', 'pending', 'skipped')", id));
  requeueRows(sql, ctx, rows);
  return rows.length;
}

function requeueRows(
  sql: SqlStorage,
  ctx: Pick<EventContext, 'merchantId' | 'owner' | 'orderId' | 'now'>,
  rows: ReturnType<typeof outboxRows>,
) {
  const now = ctx.now.getTime();
  for (const row of rows) {
    sql.exec("UPDATE outbox SET status = 'pending', next_at = ?, epoch = epoch + 1 WHERE id = ?", now, row.id);
    projectDelivery(sql, { ...row, status: 'pending', nextAt: now }, ctx.merchantId, ctx.owner, ctx.orderId, ctx.now.toISOString());
  }
}

/** The endpoints of a merchant that a replay without `endpointId` goes to: every enabled one that wants the type. */
export async function replayTargets(env: Env, merchantId: string, type: string, endpointId?: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    'SELECT id, event_types FROM endpoints WHERE merchant_id = ? AND deleted_at IS NULL AND enabled = 1',
  )
    .bind(merchantId)
    .all<{ id: string; event_types: string | null }>();
  return results
    .filter((row) => (endpointId ? row.id === endpointId : !row.event_types || (JSON.parse(row.event_types) as string[]).includes(type)))
    .map((row) => row.id);
}
