import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, patch, patchSchema, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { guide } from './guide';
import { hookRoutes } from './hook';
import { linkOperations, linkRoutes } from './link-routes';
import { pull } from './pull';
import { buildCallback } from './sandbox-callback';

// The module literal every provider's index.ts writes (ProviderModule, listed in registry.ts): alike by design.
export const bankhub = {
  name: 'bankhub',
  guide,
  createsQr: true,
  qrAcceptsAnyAmount: false, // QR Pay pays a one-off virtual account tied to one referenceNumber and amount
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
  routes: linkRoutes,
  operations: linkOperations,
} satisfies ProviderModule<BankhubAccountInput>;
