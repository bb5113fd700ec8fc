import { findPaymentCodes, normalizeContent } from './payment-code';

/**
 * When two reports are one bank transfer (CONTRACT §4a). Pure: the ledger gives it what it stored
 * and what just arrived; rule 1 (same feed, same transaction id) is an index lookup before this.
 */

/** How long another feed's report without a bank reference may trail the first report and still be the same transfer. */
export const FINGERPRINT_WINDOW_MS = 10 * 60_000;

/** `FT23339WL0MW\BNK` and `ft23339wl0mw` are one reference: uppercase, nothing from a backslash on, only A-Z0-9. */
export function normalizeBankReference(reference: string | null | undefined): string | null {
  if (!reference) return null;
  const normalized = reference
    .toUpperCase()
    .split('\\', 1)[0]!
    .replace(/[^A-Z0-9]/g, '');
  return normalized === '' ? null : normalized;
}

/** What a fingerprint compares besides the amount: the payment code in the content, else the whole normalised content. */
export function transferCode(content: string): string {
  return findPaymentCodes(content)[0] ?? normalizeContent(content);
}

/** A new report, as identity sees it. */
export interface ReportKey {
  providerAccountId: string;
  amount: number;
  bankReference: string | null;
  code: string;
  receivedAt: number;
}

/** A stored payment, as identity sees it. */
export interface PaymentKey {
  id: string;
  amount: number;
  bankReference: string | null;
  code: string;
  /** When its first report reached us (ms). */
  firstReceivedAt: number;
  /** Provider accounts that have reported it. */
  reportedBy: string[];
}

export type SameBy = 'bank_reference' | 'fingerprint';

/** Rules 2 and 3 of CONTRACT §4a, for one stored payment. */
export function sameTransfer(report: ReportKey, payment: PaymentKey): SameBy | null {
  if (report.amount !== payment.amount) return null;
  if (report.bankReference && payment.bankReference) return report.bankReference === payment.bankReference ? 'bank_reference' : null;
  const fingerprint =
    report.code === payment.code &&
    Math.abs(report.receivedAt - payment.firstReceivedAt) <= FINGERPRINT_WINDOW_MS &&
    !payment.reportedBy.includes(report.providerAccountId);
  return fingerprint ? 'fingerprint' : null;
}

/** The payment a report is another report of: a bank-reference match first, else the earliest fingerprint match. */
export function findSameTransfer(report: ReportKey, candidates: PaymentKey[]): PaymentKey | null {
  const byReference = candidates.find((payment) => sameTransfer(report, payment) === 'bank_reference');
  if (byReference) return byReference;
  const byFingerprint = candidates
    .filter((payment) => sameTransfer(report, payment) === 'fingerprint')
    .sort((a, b) => a.firstReceivedAt - b.firstReceivedAt);
  return byFingerprint[0] ?? null;
}
