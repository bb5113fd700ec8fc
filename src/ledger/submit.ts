import type { MatchedBy, ReportVia } from '../schemas/payment';
import { loadOrderEntry } from './fallback';
import { ledgerName, normalizeAccountNumber } from './keys';
import type { ReceiveInput } from './ledger-do';
import type { LedgerReport, ReportOutcome } from './records';
import { ledgerStub } from './stubs';
import type { ReportedTransaction } from './transaction';

export type { ReportOutcome } from './records';

/** The feed a batch of reports comes from: a provider account and the receiving account it names, if any. */
export interface ReportSource {
  id: string;
  merchantId: string;
  provider: string;
  receivingAccountNumber: string | null;
}

export interface SubmitOptions {
  via: ReportVia;
  /** Origin our URLs live under (event payloads); defaults to PUBLIC_BASE_URL. */
  origin?: string;
  /** Settle onto this order whatever the content says (sandbox pay, a provider's own per-order status). */
  force?: { orderId: string; matchedBy: MatchedBy };
  /** An API action (refresh, sandbox pay): resolve only once D1 shows the result too, so the caller reads its own write. */
  projected?: boolean;
}

/**
 * The one door into the ledgers: every verified report (callback, reconciliation, sandbox) enters here,
 * is routed to the ledger of the receiving account it names (no D1 read), and resolves only once it is
 * durably recorded there, so callers answer the provider after this returns.
 */
export async function submitReports(
  env: Env,
  source: ReportSource,
  transactions: ReportedTransaction[],
  opts: SubmitOptions,
): Promise<ReportOutcome[]> {
  if (transactions.length === 0) return [];
  const origin = opts.origin ?? env.PUBLIC_BASE_URL ?? '';
  let force: ReceiveInput['force'];
  if (opts.force) {
    const order = await loadOrderEntry(env, opts.force.orderId, origin);
    if (!order || order.merchantId !== source.merchantId) throw new Error(`order ${opts.force.orderId} is not ${source.merchantId}'s`);
    force = { order, matchedBy: opts.force.matchedBy };
  }
  const own = normalizeAccountNumber(source.receivingAccountNumber);
  const receivedAt = new Date().toISOString();
  const groups = new Map<string, { at: number[]; reports: LedgerReport[] }>();
  transactions.forEach((transaction, i) => {
    const named = normalizeAccountNumber(transaction.accountNumber);
    const foreign = !force && own !== null && named !== null && named !== own;
    const ledger = force ? force.order.ledger : ledgerName(source.merchantId, named ?? own, source.id);
    const group = groups.get(ledger) ?? { at: [], reports: [] };
    group.at.push(i);
    group.reports.push({ ...transaction, via: opts.via, receivedAt, foreign });
    groups.set(ledger, group);
  });
  const outcomes: ReportOutcome[] = new Array(transactions.length);
  for (const [ledger, group] of groups) {
    const results = await ledgerStub(env, ledger).receive({
      merchantId: source.merchantId,
      ledger,
      reports: group.reports,
      origin,
      force,
      projected: opts.projected,
    });
    group.at.forEach((index, j) => {
      outcomes[index] = results[j]!;
    });
  }
  return outcomes;
}
