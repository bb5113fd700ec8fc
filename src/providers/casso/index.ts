import type { ProviderModule } from '../types';
import { accountSchema, type CassoAccountInput, defaultBaseUrl, patch, patchSchema, receiving, split, webhookUrls } from './account';
import { hookRoutes } from './hook';
import { buildCallback } from './sandbox-callback';

export const casso = {
  name: 'casso',
  createsQr: false,
  accountSchema,
  split,
  patchSchema,
  patch,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  hook: { routes: hookRoutes, buildCallback },
} satisfies ProviderModule<CassoAccountInput>;
