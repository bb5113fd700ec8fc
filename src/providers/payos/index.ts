import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, type PayosAccountInput, patch, patchSchema, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { reconcile } from './get-payment';
import { hookRoutes } from './hook';
import { buildCallback } from './sandbox-callback';

export const payos = {
  name: 'payos',
  createsQr: true,
  accountSchema,
  split,
  patchSchema,
  patch,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  reconcile,
  hook: { routes: hookRoutes, buildCallback },
} satisfies ProviderModule<PayosAccountInput>;
