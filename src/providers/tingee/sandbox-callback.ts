import { hmacHex } from '../../crypto/hmac';
import { credential } from '../inbound/credential';
import { JSON_HEADERS } from '../inbound/sandbox';
import type { SandboxCallback, SandboxTransaction } from '../inbound/types';
import { formatVnCompact } from '../inbound/vn-time';
import type { ProviderAccount } from '../types';

/** A Tingee notification signed with the account's secret token over `timestamp:raw body`. */
export async function buildCallback(account: ProviderAccount, tx: SandboxTransaction, now: Date): Promise<SandboxCallback> {
  const body = JSON.stringify({
    clientId: credential(account, 'clientId') ?? '',
    transactionCode: tx.providerTransactionId,
    amount: tx.amount,
    content: tx.content,
    bank: credential(account, 'bankName') ?? '',
    accountNumber: credential(account, 'accountNumber') ?? '',
    vaAccountNumber: '',
    transactionDate: formatVnCompact(now, false),
    additionalData: [],
  });
  const timestamp = formatVnCompact(now);
  const signature = await hmacHex('SHA-512', credential(account, 'secretToken') ?? '', `${timestamp}:${body}`);
  return {
    path: `/hooks/tingee/${account.id}`,
    headers: { ...JSON_HEADERS, 'x-request-timestamp': timestamp, 'x-signature': signature },
    body,
  };
}
