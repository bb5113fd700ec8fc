import { type PaymentRow, paymentFromRow, paymentsOfLedger } from '../db/payments';
import { normalizeBankReference, transferCode } from './identity';
import { addReport } from './payments-store';

/** How far back a new ledger takes over the transfers D1 holds for its account (providers retry for days). */
const IMPORT_DAYS = 35;
const IMPORT_LIMIT = 5_000;

/**
 * The migration from per-order settlement: the first time a ledger opens, it takes over the recent
 * payments D1 holds for its account, with their reports, so a provider's retry of a transfer settled
 * before the ledger existed is recognised, not counted again. Orders need no import: an index miss finds
 * them in D1 and adopts them. Runs once per ledger (one D1 read), before anything else.
 */
export async function importFromD1(
  sql: SqlStorage,
  storage: DurableObjectStorage,
  env: Env,
  identity: { merchantId: string; ledger: string } | null,
): Promise<void> {
  if (!identity) return;
  if (sql.exec("SELECT 1 FROM meta WHERE key = 'imported'").toArray().length > 0) return;
  const since = new Date(Date.now() - IMPORT_DAYS * 86_400_000).toISOString();
  const results = await paymentsOfLedger(env, identity.ledger, since, IMPORT_LIMIT);
  storage.transactionSync(() => {
    if (sql.exec("SELECT 1 FROM meta WHERE key = 'imported'").toArray().length > 0) return;
    for (const row of results) importPayment(sql, row);
    sql.exec("INSERT INTO meta (key, value) VALUES ('imported', ?)", String(results.length));
  });
}

function importPayment(sql: SqlStorage, row: PaymentRow): void {
  const receivedAt = Date.parse(row.received_at);
  // The payment's provider fields, as the ledger stores a first report (payments-store FirstReport).
  const { id, object: _, orderId, matchedBy, reports, ...first } = paymentFromRow(row);
  sql.exec(
    `INSERT INTO payments (id, order_id, matched_by, amount, bank_ref, code, first_at, counts_at, version, json, raw)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    id,
    orderId,
    matchedBy,
    row.amount,
    normalizeBankReference(row.bank_reference),
    transferCode(row.content),
    receivedAt,
    receivedAt,
    row.version,
    JSON.stringify(first),
    row.raw,
  );
  for (const report of reports) addReport(sql, id, report);
}
