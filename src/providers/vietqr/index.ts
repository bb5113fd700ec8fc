import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, receiving, split, type VietqrAccountInput, webhookUrls } from './account';
import { createQr } from './create-qr';
import { status } from './pull';

export const vietqr = {
  name: 'vietqr',
  createsQr: true,
  qrAcceptsAnyAmount: true, // generate-customer pays the merchant's bankAccount with our content; every credit syncs
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  status,
} satisfies ProviderModule<VietqrAccountInput>;
