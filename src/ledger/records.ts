import type { EventType } from '../delivery/event-types';
import type { OrderStatus } from './clock';
import type { MatchedBy } from './match';
import type { ReportedTransaction, ReportVia } from './transaction';

/** One feed's report of a transfer (CONTRACT §4 `reports`). */
export interface PaymentReport {
  providerAccountId: string;
  provider: string;
  providerTransactionId: string;
  via: ReportVia;
  receivedAt: string;
}

/** The public payment object (CONTRACT §4). */
export interface PaymentJson {
  id: string;
  object: 'payment';
  orderId: string | null;
  providerAccountId: string;
  provider: string;
  providerTransactionId: string;
  bankReference: string | null;
  amount: number;
  content: string;
  accountNumber: string | null;
  counterAccount: ReportedTransaction['counterAccount'];
  occurredAt: string;
  receivedAt: string;
  matchedBy: MatchedBy | null;
  reports: PaymentReport[];
}

/** The public order object; the ledger changes only its state fields and treats the rest as opaque. */
export interface OrderJson {
  id: string;
  object: 'order';
  status: OrderStatus;
  amount: number;
  amountPaid: number;
  paidAt: string | null;
  expiresAt: string;
  [field: string]: unknown;
}

export interface EventJson {
  id: string;
  object: 'event';
  type: EventType;
  createdAt: string;
  data: { order: OrderJson | null; payment: PaymentJson | null; endpoint?: { id: string } };
}

/** What an order registers in its ledger when it is created (or what the ledger adopts from D1). */
export interface OrderEntry {
  id: string;
  merchantId: string;
  /** The ledger that owns the order: the account its QR names. */
  ledger: string;
  paymentCode: string;
  providerAccountId: string;
  providerReference: string | null;
  virtualAccount: string | null;
  status: OrderStatus;
  amount: number;
  amountPaid: number;
  paidAt: string | null;
  expiresAt: string;
  version: number;
  /** The public order object as created (URLs included). */
  json: OrderJson;
}

/** A verified report on its way into a ledger. */
export interface LedgerReport extends ReportedTransaction {
  via: ReportVia;
  receivedAt: string;
  /** It names a receiving account other than its feed's own: parked, never matched by its content. */
  foreign: boolean;
}

/** What became of one report: the payment it is (new or known) and its order, if any. */
export interface ReportOutcome {
  paymentId: string;
  orderId: string | null;
  /** True when the transfer was known before this report (a retry, another feed, a repeated pull). */
  known: boolean;
}
