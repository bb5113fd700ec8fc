import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, type PayosAccountInput, split, webhookUrls } from './account';
import { createQr } from './create-qr';

export const payos = {
  name: 'payos',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
  createQr,
} satisfies ProviderModule<PayosAccountInput>;
