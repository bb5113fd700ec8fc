import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, patch, patchSchema, receiving, split, type VietqrAccountInput, webhookUrls } from './account';
import { reconcile } from './check-transaction';
import { createQr } from './create-qr';
import { hookRoutes } from './hook';
import { buildCallback } from './sandbox-callback';

export const vietqr = {
  name: 'vietqr',
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
} satisfies ProviderModule<VietqrAccountInput>;
