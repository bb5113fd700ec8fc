import type { ProviderModule } from '../types';
import { accountSchema, type DirectAccountInput, defaultBaseUrl, split, webhookUrls } from './account';
import { createQr } from './create-qr';

export const direct = {
  name: 'direct',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
  createQr,
} satisfies ProviderModule<DirectAccountInput>;
