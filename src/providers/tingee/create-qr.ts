import { z } from 'zod';
import { accountField } from '../account-field';
import { callProvider, type ErrorReader, joinUrl, ProviderRejection, readAnswer } from '../outbound';
import { payloadAccount } from '../qr-account';
import type { ProviderAccount, ProviderContext, ProviderQr, QrOrderRequest } from '../types';
import { defaultBaseUrl } from './account';
import { signedHeaders } from './sign';

// Tingee's docs name one path, its SDK the other: try the documented one, fall back on a 404.
const DOCS_PATH = '/v1/generate-viet-qr';
const SDK_PATH = '/v1/bank/generate-viet-qr';

// Tingee answers {"code":"00","message","data"}; any other code is an error, whatever the HTTP status.
const readError: ErrorReader = (_status, body) => {
  const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
  if (code === undefined || code === '00') return null;
  return { code: String(code), message: typeof message === 'string' && message ? message : String(code) };
};

const generateAnswer = z.object({
  data: z.object({
    qrCode: z.string().min(1),
    qrAccount: z.string().nullish(),
    referenceLabelCode: z.string().nullish(),
  }),
});

/** Tingee generate-viet-qr for the merchant's account, with the payment code as content; every request signed. */
export async function createQr(account: ProviderAccount, request: QrOrderRequest, ctx: ProviderContext): Promise<ProviderQr> {
  const accountNumber = accountField(account, 'accountNumber');
  const body = JSON.stringify({
    bankName: accountField(account, 'bankName'),
    accountNumber,
    amount: request.amount,
    content: request.paymentCode,
  });
  const { data } = readAnswer('tingee', generateAnswer, await postFirstPath(account, body, ctx));
  const target = payloadAccount('tingee', data.qrCode);
  return {
    payload: data.qrCode,
    bank: { bin: target.bin, accountNumber: target.accountNumber, accountName: account.config.accountName ?? '' },
    transferContent: request.paymentCode,
    providerReference: data.referenceLabelCode || null,
    // Only a per-order account tells orders apart; the merchant's own account number would match them all.
    virtualAccount: data.qrAccount && data.qrAccount !== accountNumber ? data.qrAccount : null,
    providerData: { referenceLabelCode: data.referenceLabelCode ?? null },
  };
}

async function postFirstPath(account: ProviderAccount, body: string, ctx: ProviderContext): Promise<unknown> {
  const baseUrl = account.baseUrl ?? defaultBaseUrl(account.mode);
  const clientId = accountField(account, 'clientId');
  const secretToken = accountField(account, 'secretToken');
  const post = async (path: string) => {
    // Signed afresh per attempt: the timestamp is part of the signature and must be current.
    const headers = await signedHeaders(clientId, secretToken, body, ctx.now());
    return callProvider(ctx, { provider: 'tingee', op: 'generate-viet-qr', url: joinUrl(baseUrl, path), headers, body }, readError);
  };
  try {
    return await post(DOCS_PATH);
  } catch (error) {
    if (error instanceof ProviderRejection && error.providerStatus === 404) return post(SDK_PATH);
    throw error;
  }
}
