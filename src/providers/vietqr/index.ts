import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, split, type VietqrAccountInput, webhookUrls } from './account';

export const vietqr = {
  name: 'vietqr',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
} satisfies ProviderModule<VietqrAccountInput>;
