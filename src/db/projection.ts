/**
 * The D1 projection of what the Durable Objects hold: typed records, each turned into one idempotent
 * statement here, next to the schema it writes. Records carry a version (orders, payments) or an attempt
 * count (deliveries), so a late or repeated write never moves D1 backwards; inserts of immutable rows
 * (events, attempts) do nothing the second time.
 */
export interface OrderStateRecord {
  kind: 'order';
  id: string;
  status: string;
  amountPaid: number;
  paidAt: string | null;
  version: number;
  updatedAt: string;
}

export interface PaymentRecord {
  kind: 'payment';
  id: string;
  merchantId: string;
  ledger: string;
  orderId: string | null;
  providerAccountId: string;
  provider: string;
  providerTransactionId: string;
  bankReference: string | null;
  amount: number;
  content: string;
  accountNumber: string | null;
  counterAccount: string | null;
  occurredAt: string;
  receivedAt: string;
  matchedBy: string | null;
  reports: string;
  raw: string | null;
  version: number;
}

export interface EventRecord {
  kind: 'event';
  id: string;
  merchantId: string;
  owner: string;
  type: string;
  orderId: string | null;
  paymentId: string | null;
  data: string;
  createdAt: string;
}

export interface DeliveryRecord {
  kind: 'delivery';
  id: string;
  eventId: string;
  endpointId: string;
  merchantId: string;
  orderId: string | null;
  owner: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AttemptRecord {
  kind: 'attempt';
  id: string;
  deliveryId: string;
  eventId: string;
  endpointId: string;
  merchantId: string;
  attempt: number;
  status: 'succeeded' | 'failed';
  responseStatus: number | null;
  responseBody: string;
  durationMs: number;
  createdAt: string;
}

export type ProjectionRecord = OrderStateRecord | PaymentRecord | EventRecord | DeliveryRecord | AttemptRecord;

/** The one statement that writes a record; safe to run any number of times, in any order of versions. */
export function projectionStatement(db: D1Database, record: ProjectionRecord): D1PreparedStatement {
  switch (record.kind) {
    case 'order':
      return db
        .prepare('UPDATE orders SET status = ?, amount_paid = ?, paid_at = ?, updated_at = ?, version = ? WHERE id = ? AND version < ?')
        .bind(record.status, record.amountPaid, record.paidAt, record.updatedAt, record.version, record.id, record.version);
    case 'payment':
      return db
        .prepare(
          `INSERT INTO payments (id, merchant_id, ledger, order_id, provider_account_id, provider, provider_transaction_id, bank_reference,
             amount, content, account_number, counter_account, occurred_at, received_at, matched_by, reports, raw, version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET order_id = excluded.order_id, matched_by = excluded.matched_by,
             bank_reference = excluded.bank_reference, counter_account = excluded.counter_account, reports = excluded.reports,
             version = excluded.version
           WHERE excluded.version > payments.version`,
        )
        .bind(
          record.id,
          record.merchantId,
          record.ledger,
          record.orderId,
          record.providerAccountId,
          record.provider,
          record.providerTransactionId,
          record.bankReference,
          record.amount,
          record.content,
          record.accountNumber,
          record.counterAccount,
          record.occurredAt,
          record.receivedAt,
          record.matchedBy,
          record.reports,
          record.raw,
          record.version,
        );
    case 'event':
      return db
        .prepare(
          `INSERT INTO events (id, merchant_id, owner, type, order_id, payment_id, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
        )
        .bind(record.id, record.merchantId, record.owner, record.type, record.orderId, record.paymentId, record.data, record.createdAt);
    case 'delivery':
      return db
        .prepare(
          `INSERT INTO deliveries (id, event_id, endpoint_id, merchant_id, order_id, owner, status, attempts, next_attempt_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
             next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at
           WHERE excluded.attempts >= deliveries.attempts`,
        )
        .bind(
          record.id,
          record.eventId,
          record.endpointId,
          record.merchantId,
          record.orderId,
          record.owner,
          record.status,
          record.attempts,
          record.nextAttemptAt,
          record.createdAt,
          record.updatedAt,
        );
    case 'attempt':
      return db
        .prepare(
          `INSERT INTO attempts (id, delivery_id, event_id, endpoint_id, merchant_id, attempt, status, response_status, response_body, duration_ms, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
        .bind(
          record.id,
          record.deliveryId,
          record.eventId,
          record.endpointId,
          record.merchantId,
          record.attempt,
          record.status,
          record.responseStatus,
          record.responseBody,
          record.durationMs,
          record.createdAt,
        );
  }
}
