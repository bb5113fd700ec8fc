import type { Env } from '../env';
import type { ProviderAccount } from '../providers/types';
import type { MatchLookups } from './match';

/**
 * Lookups scoped as the contract says: provider references and virtual accounts belong to the account
 * that issued them; payment codes are unique per merchant, so any bank feed of the merchant can match.
 */
export function d1Lookups(env: Env, account: ProviderAccount): MatchLookups {
  const one = async (sql: string, ...params: string[]) =>
    (
      await env.DB.prepare(sql)
        .bind(...params)
        .first<{ id: string }>()
    )?.id ?? null;
  return {
    byProviderReference: (reference) =>
      one('SELECT id FROM orders WHERE provider_account_id = ? AND provider_reference = ? LIMIT 1', account.id, reference),
    byVirtualAccount: (virtualAccount) =>
      one('SELECT id FROM orders WHERE provider_account_id = ? AND virtual_account = ? LIMIT 1', account.id, virtualAccount),
    async byPaymentCodes(codes) {
      const marks = codes.map(() => '?').join(',');
      const { results } = await env.DB.prepare(`SELECT id, payment_code FROM orders WHERE merchant_id = ? AND payment_code IN (${marks})`)
        .bind(account.merchantId, ...codes)
        .all<{ id: string; payment_code: string }>();
      return new Map(results.map((row) => [row.payment_code, row.id]));
    },
  };
}
