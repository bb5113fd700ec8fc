import { z } from 'zod';
import type { OrderRow } from '../db/orders';
import { candidateOrders, getCursor, saveCursor } from '../db/reconciliation';
import type { ProviderAccount, StatusCheck } from '../providers/types';
import { isSystemic, withBackOff } from './backoff';
import { checkOrder } from './check-order';
import { MAX_CHECK_ERRORS, MAX_ORDER_CHECKS_PER_RUN, RECENTLY_EXPIRED_MS } from './limits';
import { checkDue } from './order-schedule';
import type { Pacer } from './pacing';
import { count, type Tally } from './tally';

export interface StatusRun {
  /** Scheduled runs ask about orders at their check points; manual ones about every candidate. */
  scheduled: boolean;
  /** Manual: also orders that expired after this (default: the last 24 h). */
  since: Date | null;
  now: Date;
  graceMs: number;
  origin: string | undefined;
}

/** A status account's cursor: the last scheduled run that got through every due order, and where a bounded one stopped. */
const cursorSchema = z.object({
  watermark: z.iso.datetime({ offset: true }),
  resumeAfter: z.object({ createdAt: z.string(), id: z.string() }).optional(),
});
type Cursor = z.infer<typeof cursorSchema>;

function readCursor(text: string | null | undefined): Cursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const CANDIDATE_PAGE = 200;

/**
 * Asks the provider about the account's open and recently expired orders, oldest first, at most
 * MAX_ORDER_CHECKS_PER_RUN of them. An order the provider cannot answer about is recorded and the others
 * are still asked about, unless the provider is down (or limiting us): then the run stops. The first
 * error is thrown once the run is over; whatever was found before it is committed.
 */
export async function checkStatuses(
  env: Env,
  account: ProviderAccount,
  status: StatusCheck,
  run: StatusRun,
  pacer: Pacer,
  tally: Tally,
): Promise<{ bounded: boolean }> {
  const stored = run.scheduled ? readCursor((await getCursor(env, account.id))?.cursor) : null;
  const fromMs = stored ? Date.parse(stored.watermark) : Number.NEGATIVE_INFINITY;
  const nowMs = run.now.getTime();
  const expiresAfter = new Date(Math.min(run.since?.getTime() ?? Number.POSITIVE_INFINITY, nowMs - RECENTLY_EXPIRED_MS)).toISOString();
  const createdAfter = status.maxAgeMs === null ? null : new Date(nowMs - status.maxAgeMs).toISOString();
  // A first scheduled run (no watermark yet) asks about every candidate, as a manual run does.
  const due = (row: OrderRow) =>
    !stored ||
    checkDue({ createdAtMs: Date.parse(row.created_at), expiresAtMs: Date.parse(row.expires_at) }, status, run.graceMs, fromMs, nowMs);

  let after = stored?.resumeAfter ?? null;
  let checks = 0;
  const errors: unknown[] = [];
  for (;;) {
    const rows = await candidateOrders(env, { accountId: account.id, expiresAfter, createdAfter, after, limit: CANDIDATE_PAGE });
    for (const row of rows) {
      if (!due(row)) continue;
      if (checks === MAX_ORDER_CHECKS_PER_RUN) {
        if (run.scheduled)
          await saveCursor(
            env,
            account.id,
            JSON.stringify({ watermark: stored?.watermark ?? run.now.toISOString(), resumeAfter: after }),
            run.now.toISOString(),
          );
        return finish(errors, true);
      }
      checks += 1;
      try {
        const { found, outcomes } = await withBackOff(pacer, () => checkOrder(env, account, status, row, pacer.ctx, run.origin));
        count(tally, found.length, outcomes);
      } catch (error) {
        errors.push(error);
        if (isSystemic(error) || errors.length >= MAX_CHECK_ERRORS) return finish(errors, false);
      }
      after = { createdAt: row.created_at, id: row.id };
    }
    if (rows.length < CANDIDATE_PAGE) break;
    const last = rows.at(-1)!;
    after = { createdAt: last.created_at, id: last.id };
  }
  if (run.scheduled && errors.length === 0)
    await saveCursor(env, account.id, JSON.stringify({ watermark: run.now.toISOString() }), run.now.toISOString());
  return finish(errors, false);
}

function finish(errors: unknown[], bounded: boolean): { bounded: boolean } {
  if (errors.length > 0) throw errors[0];
  return { bounded };
}
