import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, split, type VietqrAccountInput, webhookUrls } from './account';
import { createQr } from './create-qr';

export const vietqr = {
  name: 'vietqr',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
  createQr,
} satisfies ProviderModule<VietqrAccountInput>;
