import { z } from 'zod';
import { randomToken } from '../../lib/ids';
import { accountField } from '../account-field';
import { readAnswer } from '../outbound';
import { payloadAccount } from '../qr-account';
import type { ProviderAccount, ProviderContext, ProviderQr, QrOrderRequest } from '../types';
import { defaultBaseUrl } from './account';
import { generateCustomerQr, type VietqrClient } from './client';
import { withToken } from './with-token';

const generateAnswer = z.object({
  qrCode: z.string().min(1),
  content: z.string().nullish(),
  orderId: z.string().nullish(),
  transactionId: z.string().nullish(),
  transactionRefId: z.string().nullish(),
  qrLink: z.string().nullish(),
});

/**
 * VietQR.vn generate-customer: a dynamic QR (qrType 0) for the merchant's own account. The orderId
 * (≤ 13 characters, random) is echoed in transaction-sync; the content (≤ 19, no diacritics) is the payment code.
 */
export async function createQr(account: ProviderAccount, request: QrOrderRequest, ctx: ProviderContext): Promise<ProviderQr> {
  const client: VietqrClient = {
    baseUrl: account.baseUrl ?? defaultBaseUrl(account.mode),
    username: accountField(account, 'username'),
    password: accountField(account, 'password'),
  };
  const orderId = randomToken(8);
  const body = {
    bankCode: accountField(account, 'bankCode'),
    bankAccount: accountField(account, 'bankAccount'),
    userBankName: accountField(account, 'userBankName'),
    content: request.paymentCode,
    qrType: 0,
    amount: request.amount,
    orderId,
    transType: 'C',
  };
  const answer = readAnswer(
    'vietqr',
    generateAnswer,
    await withToken(ctx, account, client, (token) => generateCustomerQr(ctx, client, token, body)),
  );
  const target = payloadAccount('vietqr', answer.qrCode);
  return {
    payload: answer.qrCode,
    bank: { bin: target.bin, accountNumber: target.accountNumber, accountName: body.userBankName },
    // VietQR may prefix its own code to the content; the payer must send what the QR carries.
    transferContent: answer.content?.includes(request.paymentCode) ? answer.content : request.paymentCode,
    providerReference: answer.orderId || orderId,
    virtualAccount: null,
    providerData: {
      transactionId: answer.transactionId ?? null,
      transactionRefId: answer.transactionRefId ?? null,
      qrLink: answer.qrLink ?? null,
    },
  };
}
