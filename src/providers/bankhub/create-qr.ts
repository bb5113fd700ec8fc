import { z } from 'zod';
import { randomToken } from '../../lib/ids';
import { accountField } from '../account-field';
import { readAnswer } from '../outbound';
import { payloadAccount } from '../qr-account';
import type { ProviderAccount, ProviderContext, ProviderQr, QrOrderRequest } from '../types';
import { defaultBaseUrl } from './account';
import { type BankhubClient, bankhubCall } from './client';

const qrPayAnswer = z.object({
  qrPay: z.object({
    id: z.union([z.string(), z.number()]).optional(),
    qrCode: z.string().min(1),
    accountNumber: z.union([z.string(), z.number()]).nullish(),
    accountName: z.string().nullish(),
    virtualAccountNumber: z.string().nullish(),
    referenceNumber: z.string().nullish(),
  }),
});

export const bankhubClient = (account: ProviderAccount): BankhubClient => ({
  baseUrl: account.baseUrl ?? defaultBaseUrl(account.mode),
  clientId: accountField(account, 'clientId'),
  secretKey: accountField(account, 'secretKey'),
});

/**
 * BankHub QR Pay: one dynamic QR with its own virtual account per order. The description is just the
 * payment code (integrations saw a 9-character limit); referenceNumber comes back in the webhook's paymentMeta.
 */
export async function createQr(account: ProviderAccount, request: QrOrderRequest, ctx: ProviderContext): Promise<ProviderQr> {
  const referenceNumber = randomToken(8);
  const answer = await bankhubCall(ctx, bankhubClient(account), {
    op: 'qr-pay',
    path: '/qr-pay',
    body: { amount: request.amount, description: request.paymentCode, referenceNumber },
    accessToken: accountField(account, 'accessToken'),
  });
  const { qrPay } = readAnswer('bankhub', qrPayAnswer, answer);
  const target = payloadAccount('bankhub', qrPay.qrCode);
  return {
    payload: qrPay.qrCode,
    bank: { bin: target.bin, accountNumber: target.accountNumber, accountName: qrPay.accountName ?? account.config.accountName ?? '' },
    transferContent: request.paymentCode,
    providerReference: qrPay.referenceNumber || referenceNumber,
    virtualAccount: qrPay.virtualAccountNumber || null,
    // The QR names the order's virtual account; transfers land in (and feeds report) the real one.
    ledgerAccountNumber: qrPay.accountNumber == null ? null : String(qrPay.accountNumber),
    providerData: {
      qrPayId: qrPay.id === undefined ? null : String(qrPay.id),
      accountNumber: qrPay.accountNumber == null ? null : String(qrPay.accountNumber),
    },
  };
}
