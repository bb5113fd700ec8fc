import type { ProviderModule } from '../types';
import { accountSchema, type CassoAccountInput, defaultBaseUrl, split, webhookUrls } from './account';

export const casso = {
  name: 'casso',
  createsQr: false,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
} satisfies ProviderModule<CassoAccountInput>;
