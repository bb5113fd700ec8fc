import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, type SepayAccountInput, split, webhookUrls } from './account';

export const sepay = {
  name: 'sepay',
  createsQr: false,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
} satisfies ProviderModule<SepayAccountInput>;
