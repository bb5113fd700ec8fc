import type { Order, OrderStatus } from '../schemas/order';
import type { ReportVia } from '../schemas/payment';
import type { ReportedTransaction } from './transaction';

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
  /** The public order object as created (URLs included); the ledger changes only its state fields. */
  json: Order;
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
