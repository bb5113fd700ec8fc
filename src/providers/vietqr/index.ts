import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, receiving, split, type VietqrAccountInput, webhookUrls } from './account';
import { reconcile } from './check-transaction';
import { createQr } from './create-qr';

export const vietqr = {
  name: 'vietqr',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  reconcile,
} satisfies ProviderModule<VietqrAccountInput>;
