import type { Env } from '../env';
import type { ProviderAccount, Transaction } from '../providers/types';

export interface SettleResult {
  paymentId: string;
  orderId: string | null;
  /** True when this transaction had been recorded before (a provider retry or duplicate). */
  duplicate: boolean;
}

/**
 * Records verified transactions durably (matched → the order's DO, unmatched → the account's DO)
 * and resolves only once each is committed: callers ack the provider after this returns.
 */
export async function settleTransactions(_env: Env, _account: ProviderAccount, _txs: Transaction[]): Promise<SettleResult[]> {
  throw new Error('settlement not implemented yet');
}
