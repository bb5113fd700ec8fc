import { credential } from '../inbound/credential';
import { JSON_HEADERS } from '../inbound/sandbox';
import type { SandboxCallback, SandboxTransaction } from '../inbound/types';
import { formatVnDateTime } from '../inbound/vn-time';
import type { ProviderAccount } from '../types';
import { payosSignature } from './hook';

/**
 * A payOS webhook whose `data` is signed with the account's checksum key. Its orderCode is 0, which
 * no order has, so the payment is matched by the payment code in its content, like a bank feed's.
 */
export async function buildCallback(account: ProviderAccount, tx: SandboxTransaction, now: Date): Promise<SandboxCallback> {
  const data = {
    orderCode: 0,
    amount: tx.amount,
    description: tx.content,
    accountNumber: credential(account, 'accountNumber') ?? '',
    reference: tx.providerTransactionId,
    transactionDateTime: formatVnDateTime(now),
    currency: 'VND',
    paymentLinkId: '',
    code: '00',
    desc: 'success',
    counterAccountBankId: '',
    counterAccountBankName: '',
    counterAccountName: '',
    counterAccountNumber: '',
    virtualAccountName: '',
    virtualAccountNumber: '',
  };
  const signature = await payosSignature(credential(account, 'checksumKey') ?? '', data);
  return {
    path: `/hooks/payos/${account.id}`,
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ code: '00', desc: 'success', success: true, data, signature }),
  };
}
