import { z } from 'zod';
import { accountField } from '../account-field';
import { ProviderError } from '../errors';
import { toBatch } from '../inbound/incoming';
import { isRecord } from '../inbound/json';
import { hexSignatureMatches } from '../inbound/signature';
import { counterAccount, optional, text, transactionId, vnd } from '../inbound/values';
import { occurredAt, parseVnDateTime } from '../inbound/vn-time';
import { callProvider, type ErrorReader, joinUrl, readAnswer } from '../outbound';
import type { ProviderAccount, ProviderContext, ReconcileRequest, StatusCheck, Transaction } from '../types';
import { defaultBaseUrl } from './account';
import { payosSignature } from './hook';

const MINUTE_MS = 60_000;

// payOS answers {"code":"00","desc","data","signature"}; any other code is an error even with HTTP 200.
const readError: ErrorReader = (_status, body) => {
  const { code, desc } = (body ?? {}) as { code?: unknown; desc?: unknown };
  if (code === undefined || code === '00') return null;
  return { code: String(code), message: typeof desc === 'string' && desc ? desc : String(code) };
};

const reference = z.union([z.string(), z.number()]);
const paymentData = z.object({
  orderCode: z.number().int().optional(),
  status: z.string().optional(),
  transactions: z
    .array(
      z
        .object({
          reference,
          amount: z.union([z.number(), z.string()]),
          description: z.string().nullish(),
          accountNumber: z.string().nullish(),
          transactionDateTime: z.string().nullish(),
          virtualAccountNumber: z.string().nullish(),
          counterAccountBankId: z.string().nullish(),
          counterAccountName: z.string().nullish(),
          counterAccountNumber: z.string().nullish(),
        })
        .loose(),
    )
    .nullish(),
});

/**
 * The answer's `data`, once its `signature` verifies with the checksum key as payOS's SDK checks it
 * (PROVIDERS.md "Pull: 3", [S P1, P3]): HMAC-SHA256 of the sorted `key=value&…` of `data`, the webhook's
 * scheme. An answer that does not verify is no evidence of anything.
 */
async function verifiedData(account: ProviderAccount, answer: unknown): Promise<Record<string, unknown>> {
  const body = isRecord(answer) ? answer : {};
  if (!isRecord(body.data) || typeof body.signature !== 'string') {
    throw new ProviderError('payos', 'BAD_SIGNATURE', 'the payment request answer carries no data and signature');
  }
  const expected = await payosSignature(accountField(account, 'checksumKey'), body.data);
  if (!hexSignatureMatches(body.signature, expected)) {
    throw new ProviderError('payos', 'BAD_SIGNATURE', 'the payment request answer is not signed with the checksumKey');
  }
  return body.data;
}

/**
 * `GET /v2/payment-requests/{paymentLinkId | orderCode}` (PROVIDERS.md "Pull: 3"): the payment link and
 * the transfers payOS received for it. Each transfer's `reference` is what the webhook carries as
 * `data.reference`, so a payment found here and its webhook are one payment.
 */
export async function check(account: ProviderAccount, request: ReconcileRequest, ctx: ProviderContext): Promise<Transaction[]> {
  const linkId = typeof request.providerData.paymentLinkId === 'string' ? request.providerData.paymentLinkId : null;
  const id = linkId ?? request.providerReference;
  if (!id) return [];
  const answer = await callProvider(
    ctx,
    {
      provider: 'payos',
      op: 'get-payment-request',
      method: 'GET',
      url: joinUrl(account.baseUrl ?? defaultBaseUrl(account.mode), `/v2/payment-requests/${encodeURIComponent(id)}`),
      headers: { 'x-client-id': accountField(account, 'clientId'), 'x-api-key': accountField(account, 'apiKey') },
    },
    readError,
  );
  const data = readAnswer('payos', paymentData, await verifiedData(account, answer));
  if (request.providerReference && data.orderCode !== undefined && String(data.orderCode) !== request.providerReference) {
    throw new ProviderError(
      'payos',
      'BAD_RESPONSE',
      `asked about orderCode ${request.providerReference}, answered about ${data.orderCode}`,
    );
  }
  const now = ctx.now();
  const entries = (data.transactions ?? []).flatMap((tx): Transaction[] => {
    const txId = transactionId(tx.reference);
    const amount = vnd(tx.amount);
    if (txId === null || amount === null) return [];
    return [
      {
        provider: 'payos',
        providerAccountId: account.id,
        providerTransactionId: txId,
        amount,
        content: text(tx.description),
        bankReference: txId,
        accountNumber: optional(tx.accountNumber),
        virtualAccount: optional(tx.virtualAccountNumber),
        providerReference: data.orderCode === undefined ? request.providerReference : String(data.orderCode),
        counterAccount: counterAccount(tx.counterAccountBankId, tx.counterAccountNumber, tx.counterAccountName),
        occurredAt: occurredAt(parseVnDateTime(tx.transactionDateTime), now),
        raw: JSON.stringify(tx),
      },
    ];
  });
  // Only money in settles, as with the webhook.
  return toBatch(entries).transactions;
}

export const status: StatusCheck = {
  intervalMs: 5 * MINUTE_MS,
  // No documented limit; "global cap ≤ 5 req/s" [?].
  spacingMs: 200,
  // "At +1, +3, +10, +30 min, then every 30–60 min until expiredAt (+ grace)".
  firstChecksMs: [1, 3, 10, 30].map((m) => m * MINUTE_MS),
  everyMs: 30 * MINUTE_MS,
  maxAgeMs: null,
  check,
};
