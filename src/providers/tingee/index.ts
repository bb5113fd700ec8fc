import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, patch, patchSchema, receiving, split, type TingeeAccountInput, webhookUrls } from './account';
import { createQr } from './create-qr';
import { hookRoutes } from './hook';
import { buildCallback } from './sandbox-callback';

export const tingee = {
  name: 'tingee',
  createsQr: true,
  accountSchema,
  split,
  patchSchema,
  patch,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  hook: { routes: hookRoutes, buildCallback },
} satisfies ProviderModule<TingeeAccountInput>;
