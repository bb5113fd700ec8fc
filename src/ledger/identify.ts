import { findSameTransfer } from './identity';
import { identityCandidates, paymentOfTransaction, reportKey } from './payments-store';
import type { LedgerReport } from './records';

/** The payment a report is another report of (CONTRACT §4a rules 1–3), or null for a new transfer. */
export function identify(sql: SqlStorage, report: LedgerReport): string | null {
  const byTransaction = paymentOfTransaction(sql, report.providerAccountId, report.providerTransactionId);
  if (byTransaction) return byTransaction;
  const key = reportKey(report);
  return findSameTransfer(key, identityCandidates(sql, key))?.id ?? null;
}
