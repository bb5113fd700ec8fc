import type { ProviderModule } from '../types';
import { accountSchema, defaultBaseUrl, type PayosAccountInput, receiving, split, webhookUrls } from './account';
import { createQr } from './create-qr';
import { status } from './pull';

export const payos = {
  name: 'payos',
  createsQr: true,
  qrAcceptsAnyAmount: false, // a payOS payment request is its own order with a fixed amount on payOS's account
  accountSchema,
  split,
  defaultBaseUrl,
  receivingAccount: receiving,
  webhookUrls,
  createQr,
  status,
} satisfies ProviderModule<PayosAccountInput>;
