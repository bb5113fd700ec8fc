import { z } from 'zod';
import { log } from '../../lib/log';
import { accountField } from '../account-field';
import { optional, text, transactionId, vnd } from '../inbound/values';
import { occurredAt, parseEpochMs } from '../inbound/vn-time';
import { callProvider, type ErrorReader, joinUrl, ProviderRejection, readAnswer } from '../outbound';
import type { ProviderAccount, ProviderContext, ReconcileRequest, Transaction } from '../types';
import { defaultBaseUrl } from './account';
import type { VietqrClient } from './client';
import { withToken } from './with-token';

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

/** VietQR sends epoch ms in callbacks; tolerate seconds here. */
const paidAt = (value: number | null | undefined) => parseEpochMs(typeof value === 'number' && value < 1e12 ? value * 1000 : value);

/**
 * VietQR.vn Check Transaction (`POST {base}/api/transactions/check-order`, PROVIDERS.md B3): the
 * transactions of our orderId on the account, with `checkSum` = MD5(bankAccount + username). Only paid
 * incoming ones settle, and only those carrying VietQR's `transactionId`, the id its transaction-sync
 * sends as `transactionid`: without it a later callback could not be recognised as the same payment.
 */
export async function reconcile(account: ProviderAccount, request: ReconcileRequest, ctx: ProviderContext): Promise<Transaction[]> {
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
  const check = (token: string) =>
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
    answer = await withToken(ctx, account, client, check, tokenRefused);
  } catch (error) {
    if (error instanceof ProviderRejection && error.code === NOT_FOUND) return [];
    throw error;
  }
  const now = ctx.now();
  return readAnswer('vietqr', found, answer).flatMap((tx): Transaction[] => {
    const id = transactionId(tx.transactionId);
    const amount = vnd(tx.amount);
    const incoming = (tx.transType ?? 'C') === 'C';
    if (tx.status !== 1 || !incoming || amount === null || amount <= 0) return [];
    if (id === null) {
      log('warn', 'vietqr check-order: a paid transaction without transactionId is left to its callback', { accountId: account.id });
      return [];
    }
    return [
      {
        provider: 'vietqr',
        providerAccountId: account.id,
        providerTransactionId: id,
        amount,
        content: text(tx.content),
        bankReference: optional(tx.referenceNumber),
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
