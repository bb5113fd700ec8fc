import type { Env } from '../env';
import type { ProviderAccount, ReportVia, Transaction } from '../providers/types';
import type { MatchedBy } from '../settlement/match';
import { settleTransactions } from '../settlement/settle';

/** What became of one report: the payment it is (new or known) and its order, if any. */
export interface ReportOutcome {
  paymentId: string;
  orderId: string | null;
  /** True when the transfer was known before this report (a retry, another feed, a repeated pull). */
  known: boolean;
}

export interface SubmitOptions {
  via: ReportVia;
  /** Origin our URLs live under (event payloads); defaults to PUBLIC_BASE_URL. */
  origin?: string;
  /** Settle onto this order whatever the content says (sandbox pay, a provider's own per-order status). */
  force?: { orderId: string; matchedBy: MatchedBy };
}

/**
 * The one door into the ledgers: every verified report (callback, reconciliation, sandbox) enters here
 * and resolves only once it is durably recorded, so callers answer the provider after this returns.
 */
export async function submitReports(
  env: Env,
  account: ProviderAccount,
  reports: Transaction[],
  opts: SubmitOptions,
): Promise<ReportOutcome[]> {
  const results = await settleTransactions(env, account, reports, opts);
  return results.map((result) => ({ paymentId: result.paymentId, orderId: result.orderId, known: result.duplicate }));
}
