import type { ProviderModule } from '../types';
import { accountSchema, type DirectAccountInput, defaultBaseUrl, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';

export const direct = {
  name: 'direct',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
} satisfies ProviderModule<DirectAccountInput>;
