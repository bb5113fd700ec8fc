import type { Context } from 'hono';
import { timingSafeEqual } from '../../crypto/compare';
import { fromBase64 } from '../../crypto/encoding';
import type { AppEnv } from '../../lib/app-env';
import { createRouter } from '../../lib/router';
import { callbackAccount } from '../inbound/callback-account';
import { credential } from '../inbound/credential';
import { type CallbackError, rejectAuth, rejectBody } from '../inbound/errors';
import { toBatch } from '../inbound/incoming';
import { isRecord, parseJson } from '../inbound/json';
import { answering, type Receiver, receiveRoute } from '../inbound/receive';
import type { InboundBatch } from '../inbound/types';
import { optional, text, transactionId, vnd } from '../inbound/values';
import { callbackTime, parseEpochMs } from '../inbound/vn-time';
import type { ProviderAccount, Transaction } from '../types';
import { CALLBACK_TOKEN_TTL_SECONDS, issueCallbackToken, verifyCallbackToken } from './callback-token';

// VietQR calls us twice (PROVIDERS.md B4, B5): token_generate with the Basic credentials we gave it,
// then transaction-sync with the bearer token that answered.

/** What VietQR presents to our token_generate: `Authorization: Basic base64(user:pass)`. */
export interface BasicCredentials {
  username: string;
  password: string;
}

export function readBasicAuth(header: string | null | undefined): BasicCredentials {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '')?.[1];
  let decoded: string | null = null;
  try {
    decoded = encoded ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fromBase64(encoded)) : null;
  } catch {
    decoded = null;
  }
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === null || colon < 0) throw rejectAuth('INVALID_AUTH_HEADER', 'Authorization: Basic is missing or malformed');
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Both halves are compared in full, whatever the first one gave, so timing tells nothing. */
export function checkBasicAuth(presented: BasicCredentials, expected: { username: string | null; password: string | null }): void {
  const userOk = timingSafeEqual(presented.username, expected.username ?? '');
  const passOk = timingSafeEqual(presented.password, expected.password ?? '');
  if (!expected.username || !expected.password || !userOk || !passOk) {
    throw rejectAuth('INVALID_CREDENTIALS', 'wrong callback username or password');
  }
}

/**
 * What a bearer token is bound to besides the account: its callback credentials as they are now, so that
 * rotating them (PATCH) voids every token issued under the old ones (CONTRACT §3).
 */
export const tokenBinding = (account: ProviderAccount) =>
  `${credential(account, 'callbackUsername') ?? ''}:${credential(account, 'callbackPassword') ?? ''}`;

/** transaction-sync presents `Authorization: Bearer <token from our token_generate>`. */
export function readBearer(header: string | null | undefined): string {
  const token = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
  if (!token) throw rejectAuth('INVALID_AUTH_HEADER', 'Authorization: Bearer is missing or malformed');
  return token;
}

export async function verifyVietqrBearer(token: string, secretsKey: string, account: ProviderAccount, now: Date): Promise<void> {
  if (!(await verifyCallbackToken(secretsKey, account.id, tokenBinding(account), token, now))) {
    throw rejectAuth('INVALID_TOKEN', 'the bearer token is unknown or expired');
  }
}

/**
 * VietQR's transaction-sync body (PROVIDERS.md B5): lowercase keys, amount possibly 25000.0,
 * transactiontime in epoch ms. A debit (`transType: "D"`) is acknowledged and ignored.
 */
// The steps every provider's callback parser takes (a JSON object, its id, its amount), on this provider's wire format.
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
    occurredAt: callbackTime(body.transactiontime, parseEpochMs, now, 'transactiontime'),
    raw,
  };
  return toBatch([tx]);
}

// Replies. VietQR judges a sync only by "2xx and object.reftransactionid present" (PROVIDERS.md B5).

export const syncSuccess = (reftransactionid: string) =>
  Response.json({ error: false, errorReason: null, toastMessage: '', object: { reftransactionid } });

export const syncFailure = (error: CallbackError) =>
  Response.json({ error: true, errorReason: error.code, toastMessage: error.detail, object: null }, { status: error.status });

export const tokenSuccess = (accessToken: string) =>
  Response.json({ access_token: accessToken, token_type: 'Bearer', expires_in: CALLBACK_TOKEN_TTL_SECONDS });

/** The shape VietQR's own token API answers errors with. */
export const tokenFailure = (error: CallbackError) => Response.json({ status: 'FAILED', message: error.code }, { status: error.status });

const sync: Receiver<string> = {
  provider: 'vietqr',
  present: ({ headers }) => readBearer(headers.get('authorization')),
  async accept(token, { raw, account, now, secretsKey }) {
    await verifyVietqrBearer(token, secretsKey, account, now);
    return parseVietqrSync(raw, account.id, now);
  },
  // One transaction per sync; an ignored one (a debit) is answered with VietQR's own id.
  success: (batch, settled) => syncSuccess(settled[0]?.paymentId ?? batch.ignored[0]?.providerTransactionId ?? ''),
  failure: syncFailure,
};

/** VietQR first trades the Basic credentials we gave it for a 300 s bearer token of ours. */
const tokenGenerate = (c: Context<AppEnv>) =>
  answering(c, 'vietqr', tokenFailure, async () => {
    const presented = readBasicAuth(c.req.header('authorization'));
    const account = await callbackAccount(c.env, c.req.param('paId'), 'vietqr');
    checkBasicAuth(presented, { username: credential(account, 'callbackUsername'), password: credential(account, 'callbackPassword') });
    return tokenSuccess(await issueCallbackToken(c.env.SECRETS_KEY, account.id, tokenBinding(account), new Date()));
  });

/** VietQR's two callback URLs, under the `base` it is given (CONTRACT §6). */
export const hookRoutes = createRouter();
hookRoutes.post('/hooks/vietqr/:paId/api/token_generate', tokenGenerate);
hookRoutes.post('/hooks/vietqr/:paId/bank/api/transaction-sync', receiveRoute(sync));
