import type { MatchedBy } from '../schemas/payment';
import { findPaymentCodes } from './payment-code';

/**
 * Matching a transfer to an order (CONTRACT §6), first hit wins: the provider's own reference → the order's
 * virtual account → a payment code in the normalised content (earliest in the text). Amount alone never
 * matches. Pure: the same keys are looked up in the ledger's index and, on a miss, in D1.
 */
export type MatchKey =
  | { by: 'reference'; providerAccountId: string; value: string }
  | { by: 'virtual_account'; providerAccountId: string; value: string }
  | { by: 'payment_code'; value: string };

export interface Matchable {
  providerAccountId: string;
  providerReference: string | null;
  virtualAccount: string | null;
  content: string;
}

/** The keys to try, in order. Provider references and virtual accounts belong to the account that issued them. */
export function matchKeys(tx: Matchable): MatchKey[] {
  const keys: MatchKey[] = [];
  if (tx.providerReference) keys.push({ by: 'reference', providerAccountId: tx.providerAccountId, value: tx.providerReference });
  if (tx.virtualAccount) keys.push({ by: 'virtual_account', providerAccountId: tx.providerAccountId, value: tx.virtualAccount });
  for (const code of findPaymentCodes(tx.content)) keys.push({ by: 'payment_code', value: code });
  return keys;
}

/** The first key that names an order, with how it matched. */
export function firstMatch<T>(keys: MatchKey[], lookup: (key: MatchKey) => T | null): { found: T; matchedBy: MatchedBy } | null {
  for (const key of keys) {
    const found = lookup(key);
    if (found !== null) return { found, matchedBy: key.by };
  }
  return null;
}
