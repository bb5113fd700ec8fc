import type { ProviderModule } from '../types';
import { accountSchema, type DirectAccountInput, defaultBaseUrl, patch, patchSchema, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { guide } from './guide';

// The module literal every provider's index.ts writes (ProviderModule, listed in registry.ts): alike by design.
export const direct = {
  name: 'direct',
  guide,
  createsQr: true,
  qrAcceptsAnyAmount: true, // a local VietQR to the merchant's own account, content = payment code: any amount matches by code
  accountSchema,
  split,
  patchSchema,
  patch,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
} satisfies ProviderModule<DirectAccountInput>;
