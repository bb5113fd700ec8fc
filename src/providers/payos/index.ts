import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, type PayosAccountInput, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { reconcile } from './get-payment';

export const payos = {
  name: 'payos',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
  createQr,
  reconcile,
} satisfies ProviderModule<PayosAccountInput>;
