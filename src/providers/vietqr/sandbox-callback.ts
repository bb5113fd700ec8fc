import { toBase64, utf8 } from '../../crypto/encoding';
import { credential } from '../inbound/credential';
import { bankReference, JSON_HEADERS } from '../inbound/sandbox';
import type { SandboxCallback, SandboxTransaction } from '../inbound/types';
import type { ProviderAccount } from '../types';

/**
 * VietQR's two steps, as its Test Callback API runs them: token_generate with the account's callback
 * Basic credentials, then transaction-sync with the token it answered (`tokenRequest`).
 */
export async function buildCallback(account: ProviderAccount, tx: SandboxTransaction, now: Date): Promise<SandboxCallback> {
  const basic = toBase64(utf8(`${credential(account, 'callbackUsername') ?? ''}:${credential(account, 'callbackPassword') ?? ''}`));
  const body = JSON.stringify({
    transactionid: tx.providerTransactionId,
    transactiontime: now.getTime(),
    referencenumber: bankReference(),
    amount: tx.amount,
    content: tx.content,
    bankaccount: credential(account, 'bankAccount') ?? '',
    orderId: '',
    sign: '',
    terminalCode: '',
    urlLink: '',
    serviceCode: '',
    subTerminalCode: '',
    transType: 'C',
  });
  return {
    tokenRequest: {
      path: `/hooks/vietqr/${account.id}/api/token_generate`,
      headers: { ...JSON_HEADERS, authorization: `Basic ${basic}` },
      body: '{}',
    },
    path: `/hooks/vietqr/${account.id}/bank/api/transaction-sync`,
    headers: { ...JSON_HEADERS },
    body,
  };
}
