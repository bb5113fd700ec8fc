import { hmacHex } from '../../crypto/hmac';
import { credential } from '../inbound/credential';
import { bankReference, JSON_HEADERS, numericId } from '../inbound/sandbox';
import type { SandboxCallback, SandboxTransaction } from '../inbound/types';
import { formatVnDateTime } from '../inbound/vn-time';
import type { ProviderAccount } from '../types';
import { cassoCanonicalJson } from './hook';

/** A Casso webhook v2, signed with the account's checksum key as Casso signs it. */
export async function buildCallback(account: ProviderAccount, tx: SandboxTransaction, now: Date): Promise<SandboxCallback> {
  const body = {
    error: 0,
    data: {
      id: numericId(tx),
      reference: bankReference(),
      description: tx.content,
      amount: tx.amount,
      runningBalance: 0,
      transactionDateTime: formatVnDateTime(now),
      accountNumber: credential(account, 'accountNumber') ?? '',
      bankName: '',
      bankAbbreviation: '',
      virtualAccountNumber: '',
      virtualAccountName: '',
      counterAccountName: '',
      counterAccountNumber: '',
      counterAccountBankId: '',
      counterAccountBankName: '',
    },
  };
  const t = String(now.getTime());
  const v1 = await hmacHex('SHA-512', credential(account, 'checksumKey') ?? '', `${t}.${cassoCanonicalJson(body)}`);
  return {
    path: `/hooks/casso/${account.id}`,
    headers: { ...JSON_HEADERS, 'x-casso-signature': `t=${t},v1=${v1}` },
    body: JSON.stringify(body),
  };
}
