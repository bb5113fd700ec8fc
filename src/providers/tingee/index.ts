import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, patch, patchSchema, receiving, split, type TingeeAccountInput, webhookUrls } from './account';
import { createQr } from './create-qr';
import { guide } from './guide';
import { hookRoutes } from './hook';
import { pull } from './pull';
import { buildCallback } from './sandbox-callback';

// The module literal every provider's index.ts writes (ProviderModule, listed in registry.ts): alike by design.
export const tingee = {
  name: 'tingee',
  guide,
  createsQr: true,
  qrAcceptsAnyAmount: true, // generate-viet-qr is a VietQR to the merchant's account with our content; each credit notified
  accountSchema,
  split,
  patchSchema,
  patch,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  pull,
  hook: { routes: hookRoutes, buildCallback },
} satisfies ProviderModule<TingeeAccountInput>;
