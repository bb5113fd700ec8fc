import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, patch, patchSchema, receiving, type SepayAccountInput, split, webhookUrls } from './account';
import { guide } from './guide';
import { hookRoutes } from './hook';
import { pull } from './pull';
import { buildCallback } from './sandbox-callback';

// The module literal every provider's index.ts writes (ProviderModule, listed in registry.ts): alike by design.
export const sepay = {
  name: 'sepay',
  guide,
  createsQr: false,
  qrAcceptsAnyAmount: true, // a bank feed on the merchant's own account: every credit is reported, matched by code
  accountSchema,
  split,
  patchSchema,
  patch,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  pull,
  hook: { routes: hookRoutes, buildCallback },
} satisfies ProviderModule<SepayAccountInput>;
