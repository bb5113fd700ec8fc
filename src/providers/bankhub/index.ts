import type { ProviderModule } from '../types';
import { accountSchema, type BankhubAccountInput, defaultBaseUrl, patch, patchSchema, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { hookRoutes } from './hook';
import { linkRoutes } from './link-routes';
import { buildCallback } from './sandbox-callback';

export const bankhub = {
  name: 'bankhub',
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
  routes: linkRoutes,
} satisfies ProviderModule<BankhubAccountInput>;
