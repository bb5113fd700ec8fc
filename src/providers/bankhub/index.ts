import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { pull } from './pull';

export const bankhub = {
  name: 'bankhub',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  pull,
} satisfies ProviderModule<BankhubAccountInput>;
