import { claimDue, dueAccounts, pruneRuns } from '../db/reconciliation';
import { log } from '../lib/log';
import { providerNames } from '../providers/registry';
import { toAccount } from '../providers/stored-account';
import { intervalOf, missingCredential, pullingProviders, pullMode } from './capability';
import { sweepOverdueOrders } from './expiry-sweep';
import {
  ACCOUNTS_PER_CRON,
  DISPATCH_CONCURRENCY,
  MISSING_CREDENTIAL_RECHECK_MS,
  RECENTLY_EXPIRED_MS,
  RUN_RETENTION_MS,
  SCHEDULE_SLACK_MS,
} from './limits';

/**
 * The Cron Trigger (wrangler.toml, every 5 minutes): hands every due account to its ReconcileDO, sweeps
 * orders past expiry, drops old runs. Each part stands alone: one failing never stops the others, and
 * one account failing is that account's run, recorded there.
 */
export async function onSchedule(controller: ScheduledController, env: Env): Promise<void> {
  if (env.RECONCILE_CRON && controller.cron !== env.RECONCILE_CRON) return;
  const now = new Date();
  const parts: [string, () => Promise<unknown>][] = [
    ['dispatch', () => dispatchDueAccounts(env, now)],
    ['expiry sweep', () => sweepOverdueOrders(env, now)],
    ['prune runs', () => pruneRuns(env, new Date(now.getTime() - RUN_RETENTION_MS).toISOString())],
  ];
  const results = await Promise.allSettled(parts.map(([, part]) => part()));
  results.forEach((result, i) => {
    if (result.status === 'rejected') log('error', `reconciliation cron: ${parts[i]![0]} failed`, { error: String(result.reason) });
  });
}

/**
 * One query finds the due accounts; each is claimed (its next due time set) before its run starts, so
 * that a run that finishes early and moves it (bounded: due again now; rate-limited: later) wins.
 */
export async function dispatchDueAccounts(env: Env, now: Date): Promise<number> {
  const { listing, status } = pullingProviders(providerNames);
  const rows = await dueAccounts(env, {
    now: new Date(now.getTime() + SCHEDULE_SLACK_MS).toISOString(),
    listing,
    status,
    expiredAfter: new Date(now.getTime() - RECENTLY_EXPIRED_MS).toISOString(),
    limit: ACCOUNTS_PER_CRON,
  });
  const claims: { accountId: string; nextDueAt: string }[] = [];
  const dispatch: { accountId: string; merchantId: string }[] = [];
  for (const row of rows) {
    const mode = pullMode(row.provider);
    if (!mode) continue;
    let missing: string | null = null;
    if (mode.kind === 'listing' && mode.pull.needs.length > 0) {
      try {
        missing = missingCredential(await toAccount(env, row), mode);
      } catch (error) {
        log('warn', 'reconciliation: account credentials do not open', { accountId: row.id, error: String(error) });
        missing = 'credentials';
      }
    }
    const wait = missing ? MISSING_CREDENTIAL_RECHECK_MS : intervalOf(mode);
    claims.push({ accountId: row.id, nextDueAt: new Date(now.getTime() + wait).toISOString() });
    if (!missing) dispatch.push({ accountId: row.id, merchantId: row.merchant_id });
  }
  await claimDue(env, claims, now.toISOString());
  let started = 0;
  for (let i = 0; i < dispatch.length; i += DISPATCH_CONCURRENCY) {
    const batch = dispatch.slice(i, i + DISPATCH_CONCURRENCY);
    const results = await Promise.allSettled(
      batch.map(({ accountId, merchantId }) =>
        env.RECONCILE_DO.get(env.RECONCILE_DO.idFromName(accountId)).start({
          accountId,
          merchantId,
          trigger: 'schedule',
          since: null,
          origin: null,
        }),
      ),
    );
    results.forEach((result, j) => {
      if (result.status === 'fulfilled') started += result.value ? 1 : 0;
      else log('error', 'reconciliation: could not start a run', { accountId: batch[j]!.accountId, error: String(result.reason) });
    });
  }
  return started;
}
