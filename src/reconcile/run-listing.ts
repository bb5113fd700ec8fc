import { getCursor, saveCursor } from '../db/reconciliation';
import { submitReports } from '../ledger/submit';
import { ProviderError } from '../providers/errors';
import { reportSource } from '../providers/report-source';
import type { ListingPull, ProviderAccount } from '../providers/types';
import { withBackOff } from './backoff';
import { FIRST_WINDOW_MS, MAX_PAGE, MAX_TRANSACTIONS_PER_RUN } from './limits';
import type { Pacer } from './pacing';
import { count, type Tally } from './tally';

export interface ListingRun {
  /** A manual run's start; it then leaves the stored cursor alone (it may lie before or after it). */
  since: Date | null;
  now: Date;
  origin: string | undefined;
}

/**
 * Pulls pages from the stored cursor (or `since`) until the provider has nothing more or the run's
 * budget is spent. Each page is committed to the ledgers (and projected to D1, so a finished run reads
 * back what it recorded) before its cursor is stored, so a failure
 * (thrown) leaves the cursor after the last committed page. Returns whether the budget cut it short.
 */
export async function pullListing(
  env: Env,
  account: ProviderAccount,
  pull: ListingPull,
  run: ListingRun,
  pacer: Pacer,
  tally: Tally,
): Promise<{ bounded: boolean }> {
  let cursor = run.since ? null : ((await getCursor(env, account.id))?.cursor ?? null);
  const since = run.since ?? new Date(run.now.getTime() - FIRST_WINDOW_MS);
  const seen = new Set<string>();
  let budget = MAX_TRANSACTIONS_PER_RUN;
  while (budget > 0) {
    const request = { cursor, since, limit: Math.min(MAX_PAGE, budget) };
    const page = await withBackOff(pacer, () => pull.page(account, request, pacer.ctx));
    // A provider that answers the same page again would keep a run busy for nothing (or for ever).
    const repeats = page.transactions.length > 0 && page.transactions.every((tx) => seen.has(tx.providerTransactionId));
    if (repeats || (!page.done && page.cursor === cursor)) {
      throw new ProviderError(account.provider, 'REPEATED_PAGE', 'the provider answered a page this run had already read');
    }
    for (const tx of page.transactions) seen.add(tx.providerTransactionId);
    const outcomes = page.transactions.length
      ? await submitReports(env, reportSource(account), page.transactions, { via: 'reconciliation', origin: run.origin, projected: true })
      : [];
    count(tally, page.transactions.length, outcomes);
    // Committed: only now may the next run start after this page.
    if (!run.since && page.cursor !== cursor) await saveCursor(env, account.id, page.cursor, run.now.toISOString());
    cursor = page.cursor;
    budget -= Math.max(1, page.records);
    if (page.done) return { bounded: false };
  }
  return { bounded: true };
}
