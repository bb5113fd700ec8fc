import { hmacHex } from '../../crypto/hmac';
import { credential } from '../inbound/credential';
import { bankReference, JSON_HEADERS, numericId } from '../inbound/sandbox';
import type { SandboxCallback, SandboxTransaction } from '../inbound/types';
import { formatVnDateTime } from '../inbound/vn-time';
import type { ProviderAccount } from '../types';

/** A SePay webhook, HMAC-signed when the account has a webhook secret, else sent with its Apikey. */
export async function buildCallback(account: ProviderAccount, tx: SandboxTransaction, now: Date): Promise<SandboxCallback> {
  const body = JSON.stringify({
    id: numericId(tx),
    gateway: '',
    transactionDate: formatVnDateTime(now),
    accountNumber: credential(account, 'accountNumber') ?? '',
    subAccount: null,
    code: null,
    content: tx.content,
    transferType: 'in',
    description: tx.content,
    transferAmount: tx.amount,
    referenceCode: bankReference(),
    accumulated: 0,
  });
  const path = `/hooks/sepay/${account.id}`;
  const secret = credential(account, 'webhookSecret');
  if (!secret) return { path, headers: { ...JSON_HEADERS, authorization: `Apikey ${credential(account, 'apiKey') ?? ''}` }, body };
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = await hmacHex('SHA-256', secret, `${timestamp}.${body}`);
  return { path, headers: { ...JSON_HEADERS, 'x-sepay-timestamp': timestamp, 'x-sepay-signature': `sha256=${signature}` }, body };
}
