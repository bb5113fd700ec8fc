import { z } from 'zod';
import { log } from '../../lib/log';
import { accountField } from '../account-field';
import { optional, text, transactionId, vnd } from '../inbound/values';
import { occurredAt, parseEpochMs } from '../inbound/vn-time';
import { callProvider, type ErrorReader, joinUrl, ProviderRejection, readAnswer } from '../outbound';
import type { ProviderAccount, ProviderContext, ReconcileRequest, StatusCheck, Transaction } from '../types';
import { defaultBaseUrl } from './account';
import type { VietqrClient } from './client';
import { withToken } from './with-token';

const MINUTE_MS = 60_000;

// {"status":"FAILED","message":"E96"}: E96 is "no such transaction", the rest are errors.
const readError: ErrorReader = (_status, body) => {
  const answer = (body ?? {}) as { status?: unknown; message?: unknown };
  if (answer.status !== 'FAILED') return null;
  const message = typeof answer.message === 'string' ? answer.message : 'FAILED';
  return { code: /^E\d+/.exec(message)?.[0] ?? 'FAILED', message };
};
const NOT_FOUND = 'E96';

const found = z.array(
  z
    .object({
      transactionId: z.string().nullish(),
      referenceNumber: z.string().nullish(),
      orderId: z.string().nullish(),
      amount: z.union([z.number(), z.string()]).nullish(),
      content: z.string().nullish(),
      transType: z.string().nullish(),
      /** 0 waiting for payment, 1 paid, 2 expired. */
      status: z.number().nullish(),
      timePaid: z.number().nullish(),
    })
    .loose(),
);

const md5Hex = async (text: string) =>
  // MD5 is what VietQR asks for; Workers' Web Crypto offers it for interoperability like this.
  Array.from(new Uint8Array(await crypto.subtle.digest('MD5', new TextEncoder().encode(text))), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/** check-order gives epoch seconds (PROVIDERS.md "Pull: 4"); tolerate milliseconds as callbacks send them. */
const paidAt = (value: number | null | undefined) => parseEpochMs(typeof value === 'number' && value < 1e12 ? value * 1000 : value);

/**
 * VietQR.vn check-order (`POST {base}/api/transactions/check-order`, PROVIDERS.md "Pull: 4"): the
 * transactions of our orderId on the account, with `checkSum` = MD5(bankAccount + username). Only paid
 * incoming rows settle. A row names no transaction id [S* V9], so its bank reference is its id (CONTRACT
 * §9): the ledger knows the transfer again by that reference, whatever id its callback carried.
 */
export async function check(account: ProviderAccount, request: ReconcileRequest, ctx: ProviderContext): Promise<Transaction[]> {
  if (!request.providerReference) return [];
  const client: VietqrClient = {
    baseUrl: account.baseUrl ?? defaultBaseUrl(account.mode),
    username: accountField(account, 'username'),
    password: accountField(account, 'password'),
  };
  const bankAccount = accountField(account, 'bankAccount');
  const body = JSON.stringify({
    bankAccount,
    type: 0,
    value: request.providerReference,
    checkSum: await md5Hex(bankAccount + client.username),
  });
  const call = (token: string) =>
    callProvider(
      ctx,
      {
        provider: 'vietqr',
        op: 'check-order',
        url: joinUrl(client.baseUrl, '/api/transactions/check-order'),
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      },
      readError,
    );
  let answer: unknown;
  try {
    answer = await withToken(ctx, account, client, call, tokenRefused);
  } catch (error) {
    if (error instanceof ProviderRejection && error.code === NOT_FOUND) return [];
    throw error;
  }
  const now = ctx.now();
  return readAnswer('vietqr', found, answer).flatMap((tx): Transaction[] => {
    const reference = optional(tx.referenceNumber);
    const id = transactionId(tx.transactionId) ?? reference;
    const amount = vnd(tx.amount);
    const incoming = (tx.transType ?? 'C') === 'C';
    if (tx.status !== 1 || !incoming || amount === null || amount <= 0) return [];
    if (id === null) {
      log('warn', 'vietqr check-order: a paid transaction without a reference is left to its callback', { accountId: account.id });
      return [];
    }
    return [
      {
        provider: 'vietqr',
        providerAccountId: account.id,
        providerTransactionId: id,
        amount,
        content: text(tx.content),
        bankReference: reference,
        accountNumber: bankAccount,
        virtualAccount: null,
        providerReference: optional(tx.orderId) ?? request.providerReference,
        counterAccount: null,
        occurredAt: occurredAt(paidAt(tx.timePaid), now),
        raw: JSON.stringify(tx),
      },
    ];
  });
}

/** Token refusals: 401 from the gateway, or check-order's own E74 (with HTTP 400). */
const tokenRefused = (error: unknown) => error instanceof ProviderRejection && (error.providerStatus === 401 || error.code === 'E74');

export const status: StatusCheck = {
  intervalMs: 5 * MINUTE_MS,
  // No documented limit; "≤ 2 req/s" [?].
  spacingMs: 500,
  // "First check about 6–10 min after QR creation (VietQR's callback retries finish after about 6 min),
  // then +30 min, then hourly".
  firstChecksMs: [8, 38].map((m) => m * MINUTE_MS),
  everyMs: 60 * MINUTE_MS,
  // "Stop before 15 days": older orders answer E96 even when paid [S* V9]; a day's margin.
  maxAgeMs: 14 * 24 * 60 * MINUTE_MS,
  check,
};
