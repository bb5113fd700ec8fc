import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, receiving, type SepayAccountInput, split, webhookUrls } from './account';
import { pull } from './pull';

export const sepay = {
  name: 'sepay',
  createsQr: false,
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  pull,
} satisfies ProviderModule<SepayAccountInput>;
