import { z } from 'zod';
import { accountField } from '../account-field';
import { callProvider, type ErrorReader, joinUrl, readAnswer } from '../outbound';
import { payloadAccount } from '../qr-account';
import type { ProviderAccount, ProviderContext, ProviderQr, QrOrderRequest } from '../types';
import { defaultBaseUrl } from './account';
import { randomOrderCode } from './order-code';
import { paymentRequestSignature } from './sign-request';

// payOS answers {"code":"00","desc","data"}; any other code is an error even with HTTP 200.
// Each provider's readError reads its own error envelope; the shape is alike by design (tingee/create-qr.ts).
const readError: ErrorReader = (_status, body) => {
  const { code, desc } = (body ?? {}) as { code?: unknown; desc?: unknown };
  if (code === undefined || code === '00') return null;
  return { code: String(code), message: typeof desc === 'string' && desc ? desc : String(code) };
};

const paymentLinkAnswer = z.object({
  data: z.object({
    qrCode: z.string().min(1),
    accountName: z.string().nullish(),
    paymentLinkId: z.string().min(1),
    checkoutUrl: z.string().nullish(),
    orderCode: z.number().int().optional(),
  }),
});

/**
 * payOS payment link: a random integer orderCode (echoed in the webhook), the payment code as the
 * description (≤ 25), and the payOS page sends the payer back to the order's returnUrl or our checkout page.
 */
export async function createQr(account: ProviderAccount, request: QrOrderRequest, ctx: ProviderContext): Promise<ProviderQr> {
  const backUrl = request.returnUrl ?? request.checkoutUrl;
  const fields = {
    amount: request.amount,
    cancelUrl: backUrl,
    description: request.paymentCode,
    orderCode: randomOrderCode(),
    returnUrl: backUrl,
  };
  const signature = await paymentRequestSignature(accountField(account, 'checksumKey'), fields);
  const body = JSON.stringify({ ...fields, expiredAt: Math.floor(request.expiresAt.getTime() / 1000), signature });
  const answer = await callProvider(
    ctx,
    {
      provider: 'payos',
      op: 'payment-requests',
      url: joinUrl(account.baseUrl ?? defaultBaseUrl(account.mode), '/v2/payment-requests'),
      headers: {
        'content-type': 'application/json',
        'x-client-id': accountField(account, 'clientId'),
        'x-api-key': accountField(account, 'apiKey'),
      },
      body,
    },
    readError,
  );
  const { data } = readAnswer('payos', paymentLinkAnswer, answer);
  const target = payloadAccount('payos', data.qrCode);
  return {
    payload: data.qrCode,
    bank: { bin: target.bin, accountNumber: target.accountNumber, accountName: data.accountName ?? '' },
    transferContent: request.paymentCode,
    providerReference: String(data.orderCode ?? fields.orderCode),
    virtualAccount: null,
    providerData: { paymentLinkId: data.paymentLinkId, checkoutUrl: data.checkoutUrl ?? null, orderCode: fields.orderCode },
  };
}
