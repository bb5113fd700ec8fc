import { z } from 'zod';
import { accountField } from '../account-field';
import { toBatch } from '../inbound/incoming';
import { counterAccount, optional, text, transactionId, vnd } from '../inbound/values';
import { occurredAt, parseVnDateTime } from '../inbound/vn-time';
import { callProvider, type ErrorReader, joinUrl, readAnswer } from '../outbound';
import type { ProviderAccount, ProviderContext, ReconcileRequest, Transaction } from '../types';
import { defaultBaseUrl } from './account';

// payOS answers {"code":"00","desc","data"}; any other code is an error even with HTTP 200.
const readError: ErrorReader = (_status, body) => {
  const { code, desc } = (body ?? {}) as { code?: unknown; desc?: unknown };
  if (code === undefined || code === '00') return null;
  return { code: String(code), message: typeof desc === 'string' && desc ? desc : String(code) };
};

const reference = z.union([z.string(), z.number()]);
const paymentAnswer = z.object({
  data: z.object({
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
  }),
});

/**
 * `GET /v2/payment-requests/{paymentLinkId | orderCode}` (PROVIDERS.md D): the payment link and the
 * transfers payOS received for it. Each transfer's `reference` is what the webhook carries as
 * `data.reference`, so a payment found here and its webhook are one payment.
 */
export async function reconcile(account: ProviderAccount, request: ReconcileRequest, ctx: ProviderContext): Promise<Transaction[]> {
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
  const { data } = readAnswer('payos', paymentAnswer, answer);
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
