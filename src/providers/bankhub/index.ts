import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';

export const bankhub = {
  name: 'bankhub',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
} satisfies ProviderModule<BankhubAccountInput>;
