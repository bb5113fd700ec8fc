import type { CounterAccount, ReportVia } from '../schemas/payment';

/** One verified, normalised bank transaction as any feed reports it (providers' parsers produce these). */
export interface ReportedTransaction {
  provider: string;
  providerAccountId: string;
  /** The feed's own id of the transaction; numbers arrive as their decimal string. */
  providerTransactionId: string;
  /** Integer VND, positive: outgoing transactions never become one. */
  amount: number;
  content: string;
  bankReference: string | null;
  /** The receiving account number as the feed reports it. */
  accountNumber: string | null;
  virtualAccount: string | null;
  providerReference: string | null;
  counterAccount: CounterAccount | null;
  /** When the bank booked it, ISO 8601 UTC. */
  occurredAt: string;
  /** The feed's body as received, for audit. */
  raw: string;
  via?: ReportVia;
}
