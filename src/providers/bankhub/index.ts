import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, split, webhookUrls } from './account';

export const bankhub = {
  name: 'bankhub',
  createsQr: true,
  accountSchema,
  split,
  defaultBaseUrl,
  webhookUrls,
} satisfies ProviderModule<BankhubAccountInput>;
