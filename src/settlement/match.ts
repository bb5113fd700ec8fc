import type { Transaction } from '../providers/types';
import { findPaymentCodes } from './payment-code';

export type MatchedBy = 'reference' | 'virtual_account' | 'payment_code' | 'sandbox' | 'manual';

export interface Match {
  orderId: string;
  matchedBy: MatchedBy;
}

/** How orders are found; D1-backed in production, in-memory in property tests. */
export interface MatchLookups {
  byProviderReference(reference: string): Promise<string | null>;
  byVirtualAccount(virtualAccount: string): Promise<string | null>;
  /** Order ids by payment code, for the codes that exist. */
  byPaymentCodes(codes: string[]): Promise<Map<string, string>>;
}

/**
 * First hit wins: the provider's own reference → the order's virtual account → a payment code in the
 * normalized content (earliest in the text). Amount alone never matches.
 */
export async function matchTransaction(
  tx: Pick<Transaction, 'providerReference' | 'virtualAccount' | 'content'>,
  lookups: MatchLookups,
): Promise<Match | null> {
  if (tx.providerReference) {
    const orderId = await lookups.byProviderReference(tx.providerReference);
    if (orderId) return { orderId, matchedBy: 'reference' };
  }
  if (tx.virtualAccount) {
    const orderId = await lookups.byVirtualAccount(tx.virtualAccount);
    if (orderId) return { orderId, matchedBy: 'virtual_account' };
  }
  const codes = findPaymentCodes(tx.content);
  if (codes.length === 0) return null;
  const found = await lookups.byPaymentCodes(codes);
  for (const code of codes) {
    const orderId = found.get(code);
    if (orderId) return { orderId, matchedBy: 'payment_code' };
  }
  return null;
}
