// Services other helpers are building in parallel, declared here with the signatures agreed in the brief, so
// that the dashboard's pages, forms and handlers are written for real. The lead replaces this file with
// re-exports at merge:
//   updateProviderAccount  → src/accounts/update.ts
//   listReconciliationRuns, startReconciliation → src/reconcile/
import type { Cursor } from '../db/pagination';
import type { Env, Merchant } from '../env';
import type { ProviderAccount } from '../providers/types';

/** A reconciliation run as CONTRACT §9 shows it. */
export interface ReconciliationRun {
  id: string;
  object: 'reconciliation_run';
  providerAccountId: string;
  trigger: 'schedule' | 'manual';
  since: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'succeeded' | 'failed';
  fetched: number;
  settled: number;
  known: number;
  error: string | null;
}

/** Present only in this placeholder: tests of the actions these services back run once it is replaced. */
export const PLACEHOLDER = true;

const pending = (): never => {
  throw new Error('wired at merge');
};

/** `PATCH /v1/provider-accounts/{id}`: new credentials, label or baseUrl; HttpError 404 / 422 with errors[]. */
export async function updateProviderAccount(
  _env: Env,
  _merchant: Merchant,
  _id: string,
  _patch: Record<string, string>,
): Promise<ProviderAccount> {
  return pending();
}

/** `GET /v1/reconciliation-runs`: one page, newest first. */
export async function listReconciliationRuns(
  _env: Env,
  _merchantId: string,
  _filter: { providerAccountId?: string },
  _cursor: Cursor | null,
  _limit: number,
): Promise<{ data: ReconciliationRun[]; nextCursor: string | null }> {
  return pending();
}

/** `POST /v1/provider-accounts/{id}/reconcile`: runs now; HttpError 404 / 422 naming the missing credential. */
export async function startReconciliation(_env: Env, _merchant: Merchant, _accountId: string, _since?: string): Promise<ReconciliationRun> {
  return pending();
}
