import type { ReportSource } from '../ledger/submit';
import { getProvider } from './registry';
import type { ProviderAccount } from './types';

/** A provider account as the ledgers see a feed: who it is and which receiving account it names, if any. */
export function reportSource(account: ProviderAccount): ReportSource {
  return {
    id: account.id,
    merchantId: account.merchantId,
    provider: account.provider,
    receivingAccountNumber: getProvider(account.provider)?.receivingAccount(account)?.accountNumber ?? null,
  };
}
