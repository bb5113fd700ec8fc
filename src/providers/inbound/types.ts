import type { Transaction } from '../types';

/** A verified callback entry that is not incoming money (a debit, a grant notice…): acknowledged, never settled. */
export interface IgnoredTransaction {
  providerTransactionId: string | null;
  reason: string;
}

/** What one verified callback carries, split into what settles and what is only acknowledged. */
export interface InboundBatch {
  transactions: Transaction[];
  ignored: IgnoredTransaction[];
}

/** One HTTP request, as a sandbox sends it through the real `/hooks/…` handler. */
export interface CallbackRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** An authentic callback built from an account's stored credentials (CONTRACT §8). */
export interface SandboxCallback extends CallbackRequest {
  /** Sent first; its JSON answer's `access_token` becomes the callback's `Authorization: Bearer …`. */
  tokenRequest?: CallbackRequest;
}

/** What a sandbox callback pays. */
export interface SandboxTransaction {
  amount: number;
  content: string;
  providerTransactionId: string;
}
