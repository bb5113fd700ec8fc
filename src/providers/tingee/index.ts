import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, receiving, split, type TingeeAccountInput, webhookUrls } from './account';
import { createQr } from './create-qr';
import { pull } from './pull';

export const tingee = {
  name: 'tingee',
  createsQr: true,
  qrAcceptsAnyAmount: true, // generate-viet-qr is a VietQR to the merchant's account with our content; each credit notified
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  pull,
} satisfies ProviderModule<TingeeAccountInput>;
