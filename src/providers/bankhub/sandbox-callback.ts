import { credential } from '../inbound/credential';
import { bankReference, JSON_HEADERS } from '../inbound/sandbox';
import type { SandboxCallback, SandboxTransaction } from '../inbound/types';
import { formatVnDateTime } from '../inbound/vn-time';
import type { ProviderAccount } from '../types';

/** A BankHub TRANSACTIONS webhook on the account's secret token URL (BankHub signs nothing). */
export async function buildCallback(account: ProviderAccount, tx: SandboxTransaction, now: Date): Promise<SandboxCallback> {
  const local = formatVnDateTime(now);
  const body = {
    environment: 'dev',
    webhookType: 'TRANSACTIONS',
    webhookCode: 'DEFAULT_UPDATE',
    error: null,
    grantId: null,
    transaction: {
      id: tx.providerTransactionId,
      reference: bankReference(),
      transactionDate: local.slice(0, 10),
      transactionDateTime: `${local.replace(' ', 'T')}+07:00`,
      amount: tx.amount,
      description: tx.content,
      accountNumber: credential(account, 'accountNumber') ?? '',
      virtualAccountNumber: null,
      counterAccountNumber: null,
      counterAccountName: null,
      counterAccountBankId: null,
      paymentMeta: {},
      currency: 'VND',
    },
  };
  const token = encodeURIComponent(credential(account, 'urlToken') ?? '');
  return { path: `/hooks/bankhub/${account.id}/${token}`, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}
