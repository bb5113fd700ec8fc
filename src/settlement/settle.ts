import type { Env } from '../env';
import type { ProviderAccount, ReportVia, Transaction } from '../providers/types';
import { type Match, matchTransaction } from './match';
import { d1Lookups } from './match-d1';
import { orderStub } from './owners';

export interface SettleResult {
  paymentId: string;
  orderId: string | null;
  /** True when this transaction had been recorded before (a provider retry or duplicate). */
  duplicate: boolean;
}

/**
 * Records verified transactions durably (matched → the order's DO, unmatched → the account's DO)
 * and resolves only once each is committed: callers ack the provider after this returns.
 * `force` settles onto a known order (the sandbox).
 */
export async function settleTransactions(
  env: Env,
  account: ProviderAccount,
  txs: Transaction[],
  opts: { origin?: string; force?: Match; via?: ReportVia } = {},
): Promise<SettleResult[]> {
  const origin = opts.origin ?? env.PUBLIC_BASE_URL ?? '';
  const results: SettleResult[] = [];
  for (const reported of txs) {
    const tx = { ...reported, via: opts.via ?? reported.via ?? 'callback' };
    const match = opts.force ?? (await matchTransaction(tx, d1Lookups(env, account)));
    if (match) {
      results.push(
        await orderStub(env, match.orderId).settle({
          orderId: match.orderId,
          merchantId: account.merchantId,
          tx,
          matchedBy: match.matchedBy,
          origin,
        }),
      );
    } else {
      const ledger = env.ACCOUNT_DO.get(env.ACCOUNT_DO.idFromName(`account:${account.id}`));
      results.push(await ledger.recordUnmatched(account.merchantId, tx));
    }
  }
  return results;
}
