import type { ProviderName, ReportVia, Transaction } from '../providers/types';
import type { MatchedBy } from './match';
import type { EventType } from './state';

/** The public payment object (CONTRACT §4). */
export interface PaymentJson {
  id: string;
  object: 'payment';
  orderId: string | null;
  providerAccountId: string;
  provider: ProviderName;
  providerTransactionId: string;
  bankReference: string | null;
  amount: number;
  content: string;
  accountNumber: string | null;
  counterAccount: Transaction['counterAccount'];
  occurredAt: string;
  receivedAt: string;
  matchedBy: MatchedBy | null;
  reports: PaymentReport[];
}

/** One feed's report of the transfer (CONTRACT §4). */
export interface PaymentReport {
  providerAccountId: string;
  provider: ProviderName;
  providerTransactionId: string;
  via: ReportVia;
  receivedAt: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The public order object as the DO keeps it (CONTRACT §4); opaque beyond the fields settlement changes. */
export interface OrderJson {
  id: string;
  object: 'order';
  status: string;
  amount: number;
  amountPaid: number;
  paidAt: string | null;
  expiresAt: string;
  [field: string]: JsonValue;
}

export interface EventJson {
  id: string;
  object: 'event';
  type: EventType;
  createdAt: string;
  data: { order: OrderJson | null; payment: PaymentJson | null; endpoint?: JsonValue };
}

export function paymentJson(
  id: string,
  tx: Transaction,
  orderId: string | null,
  matchedBy: MatchedBy | null,
  receivedAt: string,
): PaymentJson {
  return {
    id,
    object: 'payment',
    orderId,
    providerAccountId: tx.providerAccountId,
    provider: tx.provider,
    providerTransactionId: tx.providerTransactionId,
    bankReference: tx.bankReference,
    amount: tx.amount,
    content: tx.content,
    accountNumber: tx.accountNumber,
    counterAccount: tx.counterAccount,
    occurredAt: tx.occurredAt,
    receivedAt,
    matchedBy,
    reports: [
      {
        providerAccountId: tx.providerAccountId,
        provider: tx.provider,
        providerTransactionId: tx.providerTransactionId,
        via: tx.via ?? 'callback',
        receivedAt,
      },
    ],
  };
}
