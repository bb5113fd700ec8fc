import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, split, type TingeeAccountInput, webhookUrls } from './account';
import { createQr } from './create-qr';

export const tingee = {
  name: 'tingee',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
  createQr,
} satisfies ProviderModule<TingeeAccountInput>;
