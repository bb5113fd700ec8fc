import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, split, type VietqrAccountInput, webhookUrls } from './account';
import { reconcile } from './check-transaction';
import { createQr } from './create-qr';

export const vietqr = {
  name: 'vietqr',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
  createQr,
  reconcile,
} satisfies ProviderModule<VietqrAccountInput>;
