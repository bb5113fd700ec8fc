import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, patch, patchSchema, receiving, type SepayAccountInput, split, webhookUrls } from './account';
import { hookRoutes } from './hook';
import { buildCallback } from './sandbox-callback';

export const sepay = {
  name: 'sepay',
  createsQr: false,
  accountSchema,
  split,
  patchSchema,
  patch,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  hook: { routes: hookRoutes, buildCallback },
} satisfies ProviderModule<SepayAccountInput>;
