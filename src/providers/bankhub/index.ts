import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { pull } from './pull';

export const bankhub = {
  name: 'bankhub',
  createsQr: true,
  qrAcceptsAnyAmount: false, // QR Pay pays a one-off virtual account tied to one referenceNumber and amount
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  pull,
} satisfies ProviderModule<BankhubAccountInput>;
