import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, patch, patchSchema, receiving, split, type VietqrAccountInput, webhookUrls } from './account';
import { createQr } from './create-qr';
import { guide } from './guide';
import { hookRoutes } from './hook';
import { status } from './pull';
import { buildCallback } from './sandbox-callback';

// The module literal every provider's index.ts writes (ProviderModule, listed in registry.ts): alike by design.
export const vietqr = {
  name: 'vietqr',
  guide,
  createsQr: true,
  qrAcceptsAnyAmount: true, // generate-customer pays the merchant's bankAccount with our content; every credit syncs
  accountSchema,
  split,
  patchSchema,
  patch,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  status,
  hook: { routes: hookRoutes, buildCallback },
} satisfies ProviderModule<VietqrAccountInput>;
