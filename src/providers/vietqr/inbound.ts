import { rejectAuth, rejectBody } from '../inbound/errors';
import { toBatch } from '../inbound/incoming';
import { isRecord, parseJson } from '../inbound/json';
import type { InboundBatch } from '../inbound/types';
import { optional, text, transactionId, vnd } from '../inbound/values';
import { occurredAt, parseEpochMs } from '../inbound/vn-time';
import type { Transaction } from '../types';
import { verifyCallbackToken } from './callback-token';

/** transaction-sync presents `Authorization: Bearer <token from our token_generate>`. */
export function readBearer(header: string | null | undefined): string {
  const token = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  if (!token) throw rejectAuth('INVALID_AUTH_HEADER', 'Authorization: Bearer is missing or malformed');
  return token;
}

export async function verifyVietqrBearer(token: string, secretsKey: string, accountId: string, now: Date): Promise<void> {
  if (!(await verifyCallbackToken(secretsKey, accountId, token, now))) {
    throw rejectAuth('INVALID_TOKEN', 'the bearer token is unknown or expired');
  }
}

/**
 * VietQR's transaction-sync body (PROVIDERS.md B5): lowercase keys, amount possibly 25000.0,
 * transactiontime in epoch ms. A debit (`transType: "D"`) is acknowledged and ignored.
 */
export function parseVietqrSync(raw: string, accountId: string, now: Date): InboundBatch {
  const body = parseJson(raw);
  if (!isRecord(body)) throw rejectBody('transaction-sync body is not a JSON object');
  const id = transactionId(body.transactionid);
  const amount = vnd(body.amount);
  if (id === null) throw rejectBody('transactionid is required');
  if (amount === null) throw rejectBody('amount must be an integer number of VND');
  if (body.transType === 'D') return { transactions: [], ignored: [{ providerTransactionId: id, reason: 'transType D' }] };
  if (body.transType !== undefined && body.transType !== 'C') throw rejectBody('transType must be "C" or "D"');
  const tx: Transaction = {
    provider: 'vietqr',
    providerAccountId: accountId,
    providerTransactionId: id,
    amount,
    content: text(body.content),
    bankReference: optional(body.referencenumber),
    accountNumber: optional(body.bankaccount),
    virtualAccount: null,
    // Often "" even when the QR was made with an orderId: matching then falls back to the payment code.
    providerReference: optional(body.orderId),
    counterAccount: null,
    occurredAt: occurredAt(parseEpochMs(body.transactiontime), now),
    raw,
  };
  return toBatch([tx]);
}
