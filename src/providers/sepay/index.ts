import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, receiving, type SepayAccountInput, split, webhookUrls } from './account';
import { pull } from './pull';

export const sepay = {
  name: 'sepay',
  createsQr: false,
  qrAcceptsAnyAmount: true, // a bank feed on the merchant's own account: every credit is reported, matched by code
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  pull,
} satisfies ProviderModule<SepayAccountInput>;
