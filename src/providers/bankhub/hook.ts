import { timingSafeEqual } from '../../crypto/compare';
import { createRouter } from '../../lib/router';
import { credential } from '../inbound/credential';
import { rejectAuth, rejectBody } from '../inbound/errors';
import { toBatch } from '../inbound/incoming';
import { isRecord, parseJson } from '../inbound/json';
import { type Receiver, receiveRoute } from '../inbound/receive';
import { problemFailure, successTrue } from '../inbound/replies';
import type { InboundBatch } from '../inbound/types';
import { counterAccount, optional, text, transactionId, vnd } from '../inbound/values';
import { callbackTime, parseZonedIso } from '../inbound/vn-time';

/**
 * BankHub signs nothing (PROVIDERS.md A1): the secret token in the webhook URL is the proof.
 * Compared in constant time; an account without a token accepts nothing.
 */
export function verifyBankhubToken(presented: string | undefined, urlToken: string | null): void {
  if (!urlToken || !presented || !timingSafeEqual(presented, urlToken)) {
    throw rejectAuth('INVALID_TOKEN', 'the webhook URL token is wrong');
  }
}

/** `{"webhookType":"TRANSACTIONS","transaction":{…}}`; other webhook types (GRANT…) are acknowledged and ignored. */
export function parseBankhub(raw: string, accountId: string, now: Date): InboundBatch {
  const body = parseJson(raw);
  if (!isRecord(body) || typeof body.webhookType !== 'string') throw rejectBody('BankHub body has no webhookType');
  if (body.webhookType !== 'TRANSACTIONS') {
    return { transactions: [], ignored: [{ providerTransactionId: null, reason: `webhookType ${body.webhookType}` }] };
  }
  const tx = body.transaction;
  if (!isRecord(tx)) throw rejectBody('a TRANSACTIONS webhook needs a transaction object');
  const id = transactionId(tx.id);
  const amount = vnd(tx.amount);
  if (id === null) throw rejectBody('transaction.id must be a transaction id');
  if (amount === null) throw rejectBody('transaction.amount must be an integer number of VND');
  const meta = isRecord(tx.paymentMeta) ? tx.paymentMeta : {};
  return toBatch([
    {
      provider: 'bankhub',
      providerAccountId: accountId,
      providerTransactionId: id,
      amount,
      content: text(tx.description),
      bankReference: optional(tx.reference),
      // A JSON number in BankHub's own sample, a string elsewhere.
      accountNumber: optional(tx.accountNumber),
      virtualAccount: optional(tx.virtualAccountNumber),
      // The sandbox sends `paymentMeta: {}`: matching then falls back to the virtual account.
      providerReference: optional(meta.referenceNumber),
      counterAccount: counterAccount(tx.counterAccountBankId, tx.counterAccountNumber, tx.counterAccountName),
      occurredAt: callbackTime(tx.transactionDateTime, parseZonedIso, now, 'transaction.transactionDateTime'),
      raw,
    },
  ]);
}

const receiver: Receiver<string | undefined> = {
  provider: 'bankhub',
  present: ({ params }) => params.urlToken,
  async accept(urlToken, { raw, account, now }) {
    verifyBankhubToken(urlToken, credential(account, 'urlToken'));
    return parseBankhub(raw, account.id, now);
  },
  success: successTrue,
  failure: problemFailure,
};

/** BankHub's callback URL (CONTRACT §6): the account id, then its secret token. */
export const hookRoutes = createRouter();
hookRoutes.post('/hooks/bankhub/:paId/:urlToken', receiveRoute(receiver));
