import { finishRun, type RunTrigger, setNextDue } from '../db/reconciliation';
import { expiryGraceMs } from '../ledger/clock';
import { log } from '../lib/log';
import { ProviderError } from '../providers/errors';
import { loadAccount } from '../providers/stored-account';
import { BackOff, describeError } from './backoff';
import { missingCredential, pullMode } from './capability';
import { MAX_ERROR_LENGTH } from './limits';
import { meteredEnv } from './metered-env';
import { type PacingDeps, pacer } from './pacing';
import { pullListing } from './run-listing';
import { checkStatuses } from './run-status';
import { emptyTally } from './tally';

/** One queued run of one account (what the account's ReconcileDO holds until it has run). */
export interface QueuedRun {
  runId: string;
  accountId: string;
  merchantId: string;
  trigger: RunTrigger;
  /** ISO time a manual run pulls from. */
  since: string | null;
  /** Origin for URLs in event payloads (a manual run's request), else PUBLIC_BASE_URL. */
  origin: string | null;
}

/**
 * Executes one run and records its outcome: succeeded, or failed with the error (what was committed
 * before the error stays, and so does the cursor after it). Never throws.
 */
export async function executeRun(baseEnv: Env, queued: QueuedRun, deps?: PacingDeps): Promise<void> {
  const started = Date.now();
  const now = new Date(started);
  const { env, meter } = meteredEnv(baseEnv);
  const tally = emptyTally();
  let error: unknown = null;
  let nextDueAt: string | null = null;
  let provider: string | null = null;
  try {
    const account = await loadAccount(env, queued.accountId, { merchantId: queued.merchantId });
    if (!account) throw new RunRefused('the provider account was deleted');
    provider = account.provider;
    const mode = pullMode(account.provider);
    if (!mode) throw new RunRefused(`${account.provider} offers no pull API`);
    const missing = missingCredential(account, mode);
    if (missing) throw new RunRefused(`the account has no ${missing}, which the pull needs`);
    const since = queued.since ? new Date(queued.since) : null;
    const origin = queued.origin ?? undefined;
    const paced = pacer(
      mode.kind === 'listing' ? mode.pull.spacingMs : mode.status.spacingMs,
      deps,
      env.ALLOW_PRIVATE_ENDPOINTS === 'true',
    );
    const { bounded } =
      mode.kind === 'listing'
        ? await pullListing(env, account, mode.pull, { since, now, origin }, paced, tally)
        : await checkStatuses(
            env,
            account,
            mode.status,
            { scheduled: queued.trigger === 'schedule', since, now, graceMs: expiryGraceMs(env), origin },
            paced,
            tally,
          );
    // Work left over is due at once: the next cron run goes on where this one stopped.
    if (bounded) nextDueAt = new Date().toISOString();
  } catch (caught) {
    error = caught;
    if (caught instanceof BackOff) nextDueAt = new Date(Date.now() + caught.waitMs).toISOString();
  }
  const message = error === null ? null : (error instanceof RunRefused ? error.message : describeError(error)).slice(0, MAX_ERROR_LENGTH);
  const finishedAt = new Date().toISOString();
  try {
    await finishRun(env, queued.runId, { status: error === null ? 'succeeded' : 'failed', ...tally, error: message, finishedAt });
    if (nextDueAt) await setNextDue(env, queued.accountId, nextDueAt, finishedAt);
  } catch (storeError) {
    log('error', 'reconciliation run outcome not stored', { runId: queued.runId, error: String(storeError) });
  }
  const internal = error !== null && !(error instanceof RunRefused || error instanceof ProviderError || error instanceof BackOff);
  log(error === null ? 'info' : 'warn', 'reconciliation run', {
    runId: queued.runId,
    accountId: queued.accountId,
    provider,
    trigger: queued.trigger,
    status: error === null ? 'succeeded' : 'failed',
    ...tally,
    error: message,
    ...(internal ? { stack: String((error as Error)?.stack ?? error) } : {}),
    durationMs: Date.now() - started,
    d1Statements: meter.d1Statements,
    doCalls: meter.doCalls,
  });
}

/** A run that cannot start (the account went away meanwhile): failed with that reason. */
class RunRefused extends Error {}
