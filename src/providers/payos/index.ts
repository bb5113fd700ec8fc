import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, type PayosAccountInput, split, webhookUrls } from './account';

export const payos = {
  name: 'payos',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
} satisfies ProviderModule<PayosAccountInput>;
