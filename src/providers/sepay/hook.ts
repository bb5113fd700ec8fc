import { timingSafeEqual } from '../../crypto/compare';
import { hmacHex } from '../../crypto/hmac';
import { createRouter } from '../../lib/router';
import { credential } from '../inbound/credential';
import { rejectAuth, rejectBody } from '../inbound/errors';
import { assertFresh } from '../inbound/freshness';
import { toBatch } from '../inbound/incoming';
import { isRecord, parseJson } from '../inbound/json';
import { type Receiver, receiveRoute } from '../inbound/receive';
import { problemFailure, successTrue } from '../inbound/replies';
import { hexSignatureMatches } from '../inbound/signature';
import type { InboundBatch } from '../inbound/types';
import { optional, text, transactionId, vnd } from '../inbound/values';
import { callbackTime, parseVnDateTime } from '../inbound/vn-time';

/** SePay authenticates a webhook by API key or by HMAC, whichever the merchant chose (PROVIDERS.md E). */
export type SepayAuth = { kind: 'apikey'; apiKey: string } | { kind: 'hmac'; timestamp: string; signature: string };

/** Reads whichever proof the request presents, and checks an HMAC timestamp's age, before any I/O. */
export function readSepayAuth(headers: Headers, now: Date): SepayAuth {
  const apiKey = /^Apikey\s+(\S+)$/i.exec(headers.get('authorization')?.trim() ?? '')?.[1];
  if (apiKey) return { kind: 'apikey', apiKey };
  const timestamp = headers.get('x-sepay-timestamp')?.trim() ?? '';
  const signature = /^sha256=([0-9a-fA-F]{64})$/.exec(headers.get('x-sepay-signature')?.trim() ?? '')?.[1];
  if (!signature || !/^\d{1,12}$/.test(timestamp)) {
    throw rejectAuth('INVALID_SIGNATURE', 'neither Authorization: Apikey nor X-SePay-Timestamp and X-SePay-Signature');
  }
  assertFresh(new Date(Number(timestamp) * 1000), now, 'X-SePay-Timestamp');
  return { kind: 'hmac', timestamp, signature };
}

/** Checks the presented proof against the account's apiKey or webhookSecret. */
export async function verifySepay(
  auth: SepayAuth,
  raw: string,
  keys: { apiKey: string | null; webhookSecret: string | null },
): Promise<void> {
  if (auth.kind === 'apikey') {
    if (keys.apiKey && timingSafeEqual(auth.apiKey, keys.apiKey)) return;
    throw rejectAuth('INVALID_API_KEY', 'the Apikey is wrong');
  }
  const expected = keys.webhookSecret ? await hmacHex('SHA-256', keys.webhookSecret, `${auth.timestamp}.${raw}`) : '';
  if (expected && hexSignatureMatches(auth.signature, expected)) return;
  throw rejectAuth('INVALID_SIGNATURE', 'X-SePay-Signature does not match the body');
}

/** `transferType: "out"` (money leaving the account) is acknowledged and ignored. */
// The steps every provider's callback parser takes (a JSON object, its id, its amount), on this provider's wire format.
export function parseSepay(raw: string, accountId: string, now: Date): InboundBatch {
  const body = parseJson(raw);
  if (!isRecord(body)) throw rejectBody('SePay body is not a JSON object');
  const id = transactionId(body.id);
  const amount = vnd(body.transferAmount);
  if (id === null) throw rejectBody('id is required');
  if (amount === null) throw rejectBody('transferAmount must be an integer number of VND');
  if (body.transferType !== 'in' && body.transferType !== 'out') throw rejectBody('transferType must be "in" or "out"');
  if (body.transferType === 'out') return { transactions: [], ignored: [{ providerTransactionId: id, reason: 'transferType out' }] };
  return toBatch([
    {
      provider: 'sepay',
      providerAccountId: accountId,
      providerTransactionId: id,
      amount,
      content: text(body.content),
      bankReference: optional(body.referenceCode),
      accountNumber: optional(body.accountNumber),
      // A per-order virtual account shows up as the sub-account.
      virtualAccount: optional(body.subAccount),
      providerReference: null,
      counterAccount: null,
      occurredAt: callbackTime(body.transactionDate, parseVnDateTime, now, 'transactionDate'),
      raw,
    },
  ]);
}

const receiver: Receiver<SepayAuth> = {
  provider: 'sepay',
  present: ({ headers, now }) => readSepayAuth(headers, now),
  async accept(auth, { raw, account, now }) {
    await verifySepay(auth, raw, { apiKey: credential(account, 'apiKey'), webhookSecret: credential(account, 'webhookSecret') });
    return parseSepay(raw, account.id, now);
  },
  success: successTrue,
  failure: problemFailure,
};

/** SePay's callback URL (CONTRACT §6). */
export const hookRoutes = createRouter();
hookRoutes.post('/hooks/sepay/:paId', receiveRoute(receiver));
