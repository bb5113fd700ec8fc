import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, split, type TingeeAccountInput, webhookUrls } from './account';

export const tingee = {
  name: 'tingee',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
} satisfies ProviderModule<TingeeAccountInput>;
