import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';

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
} satisfies ProviderModule<BankhubAccountInput>;
