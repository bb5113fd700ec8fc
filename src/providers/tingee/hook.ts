import { hmacHex } from '../../crypto/hmac';
import { createRouter } from '../../lib/router';
import { credential } from '../inbound/credential';
import { type CallbackError, rejectAuth, rejectBody } from '../inbound/errors';
import { assertFresh } from '../inbound/freshness';
import { toBatch } from '../inbound/incoming';
import { isRecord, parseJson } from '../inbound/json';
import { type Receiver, receiveRoute } from '../inbound/receive';
import { hexSignatureMatches } from '../inbound/signature';
import type { InboundBatch } from '../inbound/types';
import { optional, text, transactionId, vnd } from '../inbound/values';
import { callbackTime, parseVnCompact } from '../inbound/vn-time';

/** Tingee notification headers (PROVIDERS.md C): `x-request-timestamp` yyyyMMddHHmmssSSS (UTC+7), `x-signature` hex. */
export interface TingeeSignature {
  timestamp: string;
  signature: string;
}

/** Reads both headers and checks the timestamp's age before any I/O. */
export function readTingeeSignature(headers: Headers, now: Date): TingeeSignature {
  const timestamp = headers.get('x-request-timestamp')?.trim() ?? '';
  const signature = headers.get('x-signature')?.trim() ?? '';
  if (!/^\d{17}$/.test(timestamp) || !/^[0-9a-fA-F]{128}$/.test(signature)) {
    throw rejectAuth('INVALID_SIGNATURE', 'x-request-timestamp or x-signature is missing or malformed');
  }
  assertFresh(parseVnCompact(timestamp), now, 'x-request-timestamp');
  return { timestamp, signature };
}

/**
 * HMAC-SHA512(secretToken, timestamp + ":" + body) over the raw bytes; Tingee's own SDK signs
 * `JSON.stringify(JSON.parse(raw))`, so that form is accepted too.
 */
export async function verifyTingee(sig: TingeeSignature, raw: string, secretToken: string | null): Promise<void> {
  if (!secretToken) throw rejectAuth('INVALID_SIGNATURE', 'the account has no secret token');
  const sign = (body: string) => hmacHex('SHA-512', secretToken, `${sig.timestamp}:${body}`);
  if (hexSignatureMatches(sig.signature, await sign(raw))) return;
  const compact = compactJson(raw);
  if (compact !== null && compact !== raw && hexSignatureMatches(sig.signature, await sign(compact))) return;
  throw rejectAuth('INVALID_SIGNATURE', 'x-signature does not match the body');
}

/** `raw` re-serialised compactly, or null when it is not JSON or nests too deeply to serialise. */
function compactJson(raw: string): string | null {
  const body = parseJson(raw);
  if (body === undefined) return null;
  try {
    return JSON.stringify(body);
  } catch {
    return null; // a stack overflow on absurd nesting: not Tingee's, and not worth a 500
  }
}

/** The bill id of a dynamic QR: `[{"name":"billId","value":…}]` per the SDK, `[{"billId":…}]` per a plugin. */
function billId(additionalData: unknown): string | null {
  if (!Array.isArray(additionalData)) return null;
  for (const item of additionalData) {
    if (!isRecord(item)) continue;
    const value = item.name === 'billId' ? item.value : item.billId;
    if (optional(value)) return optional(value);
  }
  return null;
}

// The steps every provider's callback parser takes (a JSON object, its id, its amount), on this provider's wire format.
export function parseTingee(raw: string, accountId: string, now: Date): InboundBatch {
  const body = parseJson(raw);
  if (!isRecord(body)) throw rejectBody('Tingee body is not a JSON object');
  const id = transactionId(body.transactionCode);
  const amount = vnd(body.amount);
  if (id === null) throw rejectBody('transactionCode is required');
  if (amount === null) throw rejectBody('amount must be an integer number of VND');
  return toBatch([
    {
      provider: 'tingee',
      providerAccountId: accountId,
      providerTransactionId: id,
      amount,
      content: text(body.content),
      // Tingee's transactionCode is the bank's own reference (FT…).
      bankReference: id,
      accountNumber: optional(body.accountNumber),
      virtualAccount: optional(body.vaAccountNumber),
      providerReference: billId(body.additionalData),
      counterAccount: null,
      occurredAt: callbackTime(body.transactionDate, parseVnCompact, now, 'transactionDate'),
      raw,
    },
  ]);
}

/** Tingee's envelope (PROVIDERS.md C): `code` "00" is success, anything else an error. */
export const tingeeSuccess = () => Response.json({ code: '00', message: 'OK' });

export const tingeeFailure = (error: CallbackError) => Response.json({ code: error.code, message: error.detail }, { status: error.status });

const receiver: Receiver<TingeeSignature> = {
  provider: 'tingee',
  present: ({ headers, now }) => readTingeeSignature(headers, now),
  async accept(signature, { raw, account, now }) {
    await verifyTingee(signature, raw, credential(account, 'secretToken'));
    return parseTingee(raw, account.id, now);
  },
  success: tingeeSuccess,
  failure: tingeeFailure,
};

/** Tingee's notification URL (CONTRACT §6). */
export const hookRoutes = createRouter();
hookRoutes.post('/hooks/tingee/:paId', receiveRoute(receiver));
