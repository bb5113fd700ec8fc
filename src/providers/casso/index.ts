import type { ProviderModule } from '../types';
import { accountSchema, type CassoAccountInput, defaultBaseUrl, receiving, split, webhookUrls } from './account';
import { pull } from './pull';

export const casso = {
  name: 'casso',
  createsQr: false,
  qrAcceptsAnyAmount: true, // a bank feed on the merchant's own account: every credit is reported, matched by code
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  pull,
} satisfies ProviderModule<CassoAccountInput>;
