import type { MatchedBy, Payment, PaymentReport, ReportVia } from '../schemas/payment';
import { FINGERPRINT_WINDOW_MS, normalizeBankReference, type PaymentKey, type ReportKey, transferCode } from './identity';
import { enqueue } from './projection';
import type { LedgerReport } from './records';

/**
 * The transfers into this ledger's account: one row per transfer, with every report of it. A payment's
 * provider fields are its first report's; a later report only fills a missing bank reference or counter account.
 */
type FirstReport = Omit<Payment, 'id' | 'object' | 'orderId' | 'matchedBy' | 'reports'>;

type LedgerPaymentRow = {
  id: string;
  order_id: string | null;
  order_ledger: string | null;
  matched_by: MatchedBy | null;
  amount: number;
  bank_ref: string | null;
  code: string;
  first_at: number;
  counts_at: number;
  version: number;
  json: string;
  raw: string | null;
};

/** A payment as the ledger works with it. */
export interface LedgerPayment {
  id: string;
  orderId: string | null;
  /** The ledger holding the order when it is not this one. */
  orderLedger: string | null;
  matchedBy: MatchedBy | null;
  amount: number;
  /** When the transfer counts against an order's expiry (ms): when it reached us, or when the bank booked a pulled one. */
  countsAt: number;
  version: number;
}

const toPayment = (row: LedgerPaymentRow): LedgerPayment => ({
  id: row.id,
  orderId: row.order_id,
  orderLedger: row.order_ledger,
  matchedBy: row.matched_by,
  amount: row.amount,
  countsAt: row.counts_at,
  version: row.version,
});

export function getLedgerPayment(sql: SqlStorage, id: string): LedgerPayment | null {
  const row = sql.exec<LedgerPaymentRow>('SELECT * FROM payments WHERE id = ?', id).toArray()[0];
  return row ? toPayment(row) : null;
}

/** The moment a report counts against expiry: a pulled transfer by when the bank booked it (its webhook was lost). */
export function countsAt(report: LedgerReport): number {
  const received = Date.parse(report.receivedAt);
  const booked = Date.parse(report.occurredAt);
  return report.via === 'reconciliation' && Number.isFinite(booked) ? Math.min(booked, received) : received;
}

export const reportKey = (report: LedgerReport): ReportKey => ({
  providerAccountId: report.providerAccountId,
  amount: report.amount,
  bankReference: normalizeBankReference(report.bankReference),
  code: transferCode(report.content),
  receivedAt: Date.parse(report.receivedAt),
});

/** Rule 1 of CONTRACT §4a: the payment a feed's transaction id already belongs to. */
export function paymentOfTransaction(sql: SqlStorage, providerAccountId: string, providerTransactionId: string): string | null {
  return (
    sql
      .exec<{ payment_id: string }>(
        'SELECT payment_id FROM reports WHERE provider_account_id = ? AND provider_tx_id = ? LIMIT 1',
        providerAccountId,
        providerTransactionId,
      )
      .toArray()[0]?.payment_id ?? null
  );
}

/** Payments that rules 2 and 3 could find the report to be: same amount, and same bank reference or same code nearby. */
export function identityCandidates(sql: SqlStorage, key: ReportKey): PaymentKey[] {
  const rows = sql
    .exec<{ id: string; amount: number; bank_ref: string | null; code: string; first_at: number }>(
      `SELECT id, amount, bank_ref, code, first_at FROM payments
        WHERE amount = ? AND (bank_ref = ? OR (code = ? AND first_at BETWEEN ? AND ?)) ORDER BY first_at LIMIT 20`,
      key.amount,
      key.bankReference,
      key.code,
      key.receivedAt - FINGERPRINT_WINDOW_MS,
      key.receivedAt + FINGERPRINT_WINDOW_MS,
    )
    .toArray();
  return rows.map((row) => ({
    id: row.id,
    amount: row.amount,
    bankReference: row.bank_ref,
    code: row.code,
    firstReceivedAt: row.first_at,
    reportedBy: sql
      .exec<{ account: string }>('SELECT DISTINCT provider_account_id AS account FROM reports WHERE payment_id = ?', row.id)
      .toArray()
      .map((r) => r.account),
  }));
}

/** A new transfer, with its first report. */
export function insertPayment(sql: SqlStorage, id: string, report: LedgerReport): void {
  const first: FirstReport = {
    providerAccountId: report.providerAccountId,
    provider: report.provider,
    providerTransactionId: report.providerTransactionId,
    bankReference: report.bankReference,
    amount: report.amount,
    content: report.content,
    accountNumber: report.accountNumber,
    counterAccount: report.counterAccount,
    occurredAt: report.occurredAt,
    receivedAt: report.receivedAt,
  };
  const key = reportKey(report);
  sql.exec(
    `INSERT INTO payments (id, amount, bank_ref, code, first_at, counts_at, version, json, raw) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    id,
    report.amount,
    key.bankReference,
    key.code,
    key.receivedAt,
    countsAt(report),
    JSON.stringify(first),
    report.raw,
  );
  addReport(sql, id, report);
}

/** Lists a report on its payment; false when this exact report (feed, transaction id, via) was listed already. */
export function addReport(sql: SqlStorage, paymentId: string, report: PaymentReport): boolean {
  return (
    sql.exec(
      `INSERT INTO reports (payment_id, provider_account_id, provider, provider_tx_id, via, received_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      paymentId,
      report.providerAccountId,
      report.provider,
      report.providerTransactionId,
      report.via,
      report.receivedAt,
    ).rowsWritten > 0
  );
}

/** A later report fills what the first one lacked (bank reference, counter account); true when something changed. */
export function fillMissing(sql: SqlStorage, paymentId: string, report: LedgerReport): boolean {
  const row = sql.exec<{ json: string; bank_ref: string | null }>('SELECT json, bank_ref FROM payments WHERE id = ?', paymentId).one();
  const first = JSON.parse(row.json) as FirstReport;
  let changed = false;
  if (!first.bankReference && report.bankReference) {
    first.bankReference = report.bankReference;
    changed = true;
  }
  if (!first.counterAccount && report.counterAccount) {
    first.counterAccount = report.counterAccount;
    changed = true;
  }
  if (!changed) return false;
  sql.exec(
    'UPDATE payments SET json = ?, bank_ref = COALESCE(bank_ref, ?) WHERE id = ?',
    JSON.stringify(first),
    normalizeBankReference(report.bankReference),
    paymentId,
  );
  return true;
}

export function setMatch(sql: SqlStorage, paymentId: string, orderId: string, orderLedger: string | null, matchedBy: MatchedBy): void {
  sql.exec('UPDATE payments SET order_id = ?, order_ledger = ?, matched_by = ? WHERE id = ?', orderId, orderLedger, matchedBy, paymentId);
}

export function paymentJson(sql: SqlStorage, id: string): Payment {
  const row = sql.exec<LedgerPaymentRow>('SELECT * FROM payments WHERE id = ?', id).one();
  const reports = sql
    .exec<{ provider_account_id: string; provider: string; provider_tx_id: string; via: ReportVia; received_at: string }>(
      'SELECT provider_account_id, provider, provider_tx_id, via, received_at FROM reports WHERE payment_id = ? ORDER BY seq',
      id,
    )
    .toArray()
    .map(
      (r): PaymentReport => ({
        providerAccountId: r.provider_account_id,
        provider: r.provider,
        providerTransactionId: r.provider_tx_id,
        via: r.via,
        receivedAt: r.received_at,
      }),
    );
  const first = JSON.parse(row.json) as FirstReport;
  return { id: row.id, object: 'payment', orderId: row.order_id, ...first, matchedBy: row.matched_by, reports };
}

/** One version up, and the payment's new snapshot queued for D1. Returns its JSON. */
export function savePayment(sql: SqlStorage, id: string, owner: { merchantId: string; ledger: string }): Payment {
  sql.exec('UPDATE payments SET version = version + 1 WHERE id = ?', id);
  const { version, raw } = sql.exec<{ version: number; raw: string | null }>('SELECT version, raw FROM payments WHERE id = ?', id).one();
  const payment = paymentJson(sql, id);
  enqueue(sql, {
    kind: 'payment',
    id,
    merchantId: owner.merchantId,
    ledger: owner.ledger,
    orderId: payment.orderId,
    providerAccountId: payment.providerAccountId,
    provider: payment.provider,
    providerTransactionId: payment.providerTransactionId,
    bankReference: payment.bankReference,
    amount: payment.amount,
    content: payment.content,
    accountNumber: payment.accountNumber,
    counterAccount: payment.counterAccount ? JSON.stringify(payment.counterAccount) : null,
    occurredAt: payment.occurredAt,
    receivedAt: payment.receivedAt,
    matchedBy: payment.matchedBy,
    reports: JSON.stringify(payment.reports),
    raw,
    version,
  });
  return payment;
}
