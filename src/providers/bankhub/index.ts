import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, patch, patchSchema, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { hookRoutes } from './hook';
import { linkRoutes } from './link-routes';
import { pull } from './pull';
import { buildCallback } from './sandbox-callback';

export const bankhub = {
  name: 'bankhub',
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
} satisfies ProviderModule<BankhubAccountInput>;
