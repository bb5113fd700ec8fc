import { hmacHex } from '../../crypto/hmac';
import { createRouter } from '../../lib/router';
import { credential } from '../inbound/credential';
import { rejectAuth, rejectBody } from '../inbound/errors';
import { toBatch } from '../inbound/incoming';
import { isRecord, parseJson } from '../inbound/json';
import { type Receiver, receiveRoute } from '../inbound/receive';
import { problemFailure, successTrue } from '../inbound/replies';
import { hexSignatureMatches } from '../inbound/signature';
import type { InboundBatch } from '../inbound/types';
import { counterAccount, optional, text, transactionId, vnd } from '../inbound/values';
import { callbackTime, parseVnDateTime } from '../inbound/vn-time';

const sortKeys = (item: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys(item)
      .sort()
      .map((key) => [key, item[key]]),
  );

/** One value as payOS's SDK writes it: arrays as JSON of key-sorted items, null and "null"/"undefined" empty, the rest String(). */
function payosValue(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map((item) => (isRecord(item) ? sortKeys(item) : item)));
  if (value === null || value === 'null' || value === 'undefined') return '';
  return String(value);
}

/** `key=value&…` of `data`'s top-level keys, sorted, undefined left out, no URL-encoding (PROVIDERS.md D). */
export const payosDataString = (data: Record<string, unknown>) =>
  Object.keys(data)
    .sort()
    .filter((key) => data[key] !== undefined)
    .map((key) => `${key}=${payosValue(data[key])}`)
    .join('&');

export const payosSignature = (checksumKey: string, data: Record<string, unknown>) =>
  hmacHex('SHA-256', checksumKey, payosDataString(data));

/**
 * The signature travels in the body, so the body is parsed first; a body without `data` and
 * `signature` carries no proof at all (401). Returns `data`.
 */
export async function verifyPayos(raw: string, checksumKey: string | null): Promise<Record<string, unknown>> {
  const body = parseJson(raw);
  if (!isRecord(body) || !isRecord(body.data) || typeof body.signature !== 'string') {
    throw rejectAuth('INVALID_SIGNATURE', 'payOS body carries no data and signature');
  }
  if (!checksumKey || !hexSignatureMatches(body.signature, await payosSignature(checksumKey, body.data))) {
    throw rejectAuth('INVALID_SIGNATURE', 'signature does not match data');
  }
  return body.data;
}

/** A verified `data`; payOS identifies the transaction by `reference`, the order by `orderCode`. */
export function parsePayos(data: Record<string, unknown>, raw: string, accountId: string, now: Date): InboundBatch {
  const id = transactionId(data.reference);
  const amount = vnd(data.amount);
  if (id === null) throw rejectBody('data.reference is required');
  if (amount === null) throw rejectBody('data.amount must be an integer number of VND');
  if (data.code !== undefined && data.code !== '00') {
    return { transactions: [], ignored: [{ providerTransactionId: id, reason: `payOS code ${text(data.code)}` }] };
  }
  return toBatch([
    {
      provider: 'payos',
      providerAccountId: accountId,
      providerTransactionId: id,
      amount,
      content: text(data.description),
      bankReference: id,
      accountNumber: optional(data.accountNumber),
      virtualAccount: optional(data.virtualAccountNumber),
      providerReference: transactionId(data.orderCode),
      counterAccount: counterAccount(data.counterAccountBankId, data.counterAccountNumber, data.counterAccountName),
      occurredAt: callbackTime(data.transactionDateTime, parseVnDateTime, now, 'data.transactionDateTime'),
      raw,
    },
  ]);
}

// payOS signs inside the body, so there is no header to check before reading it.
const receiver: Receiver<null> = {
  provider: 'payos',
  present: () => null,
  async accept(_, { raw, account, now }) {
    const data = await verifyPayos(raw, credential(account, 'checksumKey'));
    return parsePayos(data, raw, account.id, now);
  },
  success: successTrue,
  failure: problemFailure,
};

/** payOS's callback URL (CONTRACT §6). */
export const hookRoutes = createRouter();
hookRoutes.post('/hooks/payos/:paId', receiveRoute(receiver));
