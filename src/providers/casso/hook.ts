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
import { counterAccount, optional, text, transactionId, vnd } from '../inbound/values';
import { callbackTime, parseVnDateTime } from '../inbound/vn-time';
import type { Transaction } from '../types';

/** Casso webhook v2 (CONTRACT §6, PROVIDERS.md A2): `X-Casso-Signature: t=<ms>,v1=<hex HMAC-SHA512>`. */
export interface CassoSignature {
  t: string;
  v1: string;
}

const HEADER = /^t=(\d{1,16}),\s*v1=([0-9a-fA-F]{128})$/;

/** Reads the header and checks its age: a missing, malformed or stale signature costs no I/O. */
export function readCassoSignature(header: string | null | undefined, now: Date): CassoSignature {
  const match = HEADER.exec(header?.trim() ?? '');
  if (!match?.[1] || !match[2]) throw rejectAuth('INVALID_SIGNATURE', 'X-Casso-Signature is missing or malformed');
  assertFresh(new Date(Number(match[1])), now, 'X-Casso-Signature t');
  return { t: match[1], v1: match[2] };
}

/** Casso's payload is two levels deep; anything far deeper is not Casso's, and must not cost a deep recursion. */
const MAX_DEPTH = 32;

export class TooDeepError extends Error {}

export function sortKeysDeep(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new TooDeepError('JSON nests too deeply');
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item, depth + 1));
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeysDeep(value[key], depth + 1)]),
  );
}

/** What Casso signs after `t.`: the body with keys sorted recursively, compact. */
export const cassoCanonicalJson = (body: unknown) => JSON.stringify(sortKeysDeep(body));

/** The same JSON as PHP's json_encode writes it (`\/`, non-ASCII as \uXXXX): Casso's own samples are PHP. */
const phpEscaped = (json: string) =>
  json.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function signedForms(raw: string, body: unknown): string[] {
  if (body === undefined) return [raw];
  const json = cassoCanonicalJson(body);
  const php = phpEscaped(json);
  return php === json ? [json] : [json, php];
}

/**
 * Verifies the signature and returns the parsed body. A body that is not JSON is checked as sent:
 * signed means the sender is Casso and the body is broken (400), unsigned means 401.
 */
export async function verifyCasso(signature: CassoSignature, raw: string, checksumKey: string | null): Promise<unknown> {
  if (!checksumKey) throw rejectAuth('INVALID_SIGNATURE', 'the account has no checksum key');
  const body = parseJson(raw);
  let forms: string[];
  try {
    forms = signedForms(raw, body);
  } catch (error) {
    if (error instanceof TooDeepError) throw rejectAuth('INVALID_SIGNATURE', 'the body nests too deeply to be a Casso webhook');
    throw error;
  }
  for (const form of forms) {
    if (hexSignatureMatches(signature.v1, await hmacHex('SHA-512', checksumKey, `${signature.t}.${form}`))) {
      if (body === undefined) throw rejectBody('body is not JSON');
      return body;
    }
  }
  throw rejectAuth('INVALID_SIGNATURE', 'X-Casso-Signature does not match the body');
}

/** `{"error":0,"data":{…}}` (v2 sends one object; an array of them is read too). */
export function parseCasso(body: unknown, raw: string, accountId: string, now: Date): InboundBatch {
  const data = isRecord(body) ? body.data : undefined;
  const entries = Array.isArray(data) ? data : [data];
  if (entries.length === 0 || !entries.every(isRecord)) throw rejectBody('Casso body has no data object');
  return toBatch(entries.map((entry) => cassoTransaction(entry, raw, accountId, now)));
}

function cassoTransaction(data: Record<string, unknown>, raw: string, accountId: string, now: Date): Transaction {
  const id = transactionId(data.id);
  const amount = vnd(data.amount);
  if (id === null) throw rejectBody('data.id must be a transaction id');
  if (amount === null) throw rejectBody('data.amount must be an integer number of VND');
  return {
    provider: 'casso',
    providerAccountId: accountId,
    providerTransactionId: id,
    amount,
    content: text(data.description),
    bankReference: optional(data.reference),
    accountNumber: optional(data.accountNumber),
    virtualAccount: optional(data.virtualAccountNumber),
    providerReference: null,
    counterAccount: counterAccount(data.counterAccountBankId, data.counterAccountNumber, data.counterAccountName),
    occurredAt: callbackTime(data.transactionDateTime, parseVnDateTime, now, 'data.transactionDateTime'),
    raw,
  };
}

const receiver: Receiver<CassoSignature> = {
  provider: 'casso',
  present: ({ headers, now }) => readCassoSignature(headers.get('x-casso-signature'), now),
  async accept(signature, { raw, account, now }) {
    const body = await verifyCasso(signature, raw, credential(account, 'checksumKey'));
    return parseCasso(body, raw, account.id, now);
  },
  success: successTrue,
  failure: problemFailure,
};

/** Casso's callback URL (CONTRACT §6). */
export const hookRoutes = createRouter();
hookRoutes.post('/hooks/casso/:paId', receiveRoute(receiver));
