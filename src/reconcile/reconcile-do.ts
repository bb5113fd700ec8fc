import { DurableObject } from 'cloudflare:workers';
import { finishRun, insertRun, type RunRow, type RunTrigger, runningRunIds } from '../db/reconciliation';
import { newId } from '../lib/ids';
import { log } from '../lib/log';
import { executeRun, type QueuedRun } from './run-account';

export interface StartRequest {
  accountId: string;
  merchantId: string;
  trigger: RunTrigger;
  since: string | null;
  origin: string | null;
}

const QUEUE = 'queue';

/**
 * One per provider account (idFromName(accountId)): its runs, one at a time. Why a Durable Object per
 * account rather than a Queue or waitUntil batches: the cron only hands each due account to its object
 * (one quick call each) and every run then executes in that object's own alarm invocation, with its own
 * CPU, wall-clock and subrequest budget, so a thousand accounts cost one cron invocation a thousand small
 * calls and never one invocation a thousand pulls; the object is also the account's single writer, so a
 * scheduled and a manual run never race over the cursor; and alarms retry a run the runtime lost, from
 * the queue kept in the object's storage. A Queue would add a binding and a consumer for the same
 * result; waitUntil batches would put every account's pulls in the cron invocation's budget.
 */
export class ReconcileDO extends DurableObject<Env> {
  /** Records the run (status running) and queues it; the alarm runs it. A scheduled run already waiting absorbs another. */
  async start(request: StartRequest): Promise<RunRow | null> {
    const queue = (await this.ctx.storage.get<QueuedRun[]>(QUEUE)) ?? [];
    if (request.trigger === 'schedule' && queue.some((queued) => queued.trigger === 'schedule')) return null;
    if (queue.length === 0) await this.failInterrupted(request.accountId);
    const run: RunRow = {
      id: newId('rec'),
      merchant_id: request.merchantId,
      provider_account_id: request.accountId,
      trigger: request.trigger,
      since: request.since,
      started_at: new Date().toISOString(),
      finished_at: null,
      status: 'running',
      fetched: 0,
      settled: 0,
      known: 0,
      error: null,
    };
    await insertRun(this.env, run);
    queue.push({ runId: run.id, ...request });
    await this.ctx.storage.put(QUEUE, queue);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
    return run;
  }

  override async alarm(): Promise<void> {
    for (;;) {
      const next = ((await this.ctx.storage.get<QueuedRun[]>(QUEUE)) ?? [])[0];
      if (!next) return;
      try {
        await executeRun(this.env, next);
      } catch (error) {
        log('error', 'reconciliation run crashed', { runId: next.runId, error: String(error) });
      }
      const rest = ((await this.ctx.storage.get<QueuedRun[]>(QUEUE)) ?? []).filter((queued) => queued.runId !== next.runId);
      await this.ctx.storage.put(QUEUE, rest);
    }
  }

  /** Runs left "running" by an object that was reset with its storage (never by a queued run). */
  private async failInterrupted(accountId: string): Promise<void> {
    for (const id of await runningRunIds(this.env, accountId)) {
      await finishRun(this.env, id, {
        status: 'failed',
        fetched: 0,
        settled: 0,
        known: 0,
        error: 'the run was interrupted',
        finishedAt: new Date().toISOString(),
      });
    }
  }
}
