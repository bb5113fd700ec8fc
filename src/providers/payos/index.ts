import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, type PayosAccountInput, patch, patchSchema, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { guide } from './guide';
import { hookRoutes } from './hook';
import { status } from './pull';
import { buildCallback } from './sandbox-callback';

// The module literal every provider's index.ts writes (ProviderModule, listed in registry.ts): alike by design.
export const payos = {
  name: 'payos',
  guide,
  createsQr: true,
  qrAcceptsAnyAmount: false, // a payOS payment request is its own order with a fixed amount on payOS's account
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
} satisfies ProviderModule<PayosAccountInput>;
