import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, split, webhookUrls } from './account';
import { createQr } from './create-qr';

export const bankhub = {
  name: 'bankhub',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
  createQr,
} satisfies ProviderModule<BankhubAccountInput>;
