import { z } from '@hono/zod-openapi';
import { callbackSecret, credential, hookUrl, patchFields } from '../account-fields';
import type { ProviderAccount } from '../types';

// Alike bankhub/account.ts in shape (a client id kept as config, the rest credentials); the fields are payOS's own.
export const accountSchema = z.strictObject({ clientId: credential(), apiKey: credential(), checksumKey: callbackSecret() });

export type PayosAccountInput = z.infer<typeof accountSchema>;

/** Every field is a credential; clientId is stored as config (it is not secret). */
export const patchSchema = accountSchema.partial();
export const patch = (account: ProviderAccount, input: z.infer<typeof patchSchema>) => patchFields(account, input, ['clientId']);

export const split = (input: PayosAccountInput) => ({
  config: { clientId: input.clientId },
  credentials: { apiKey: input.apiKey, checksumKey: input.checksumKey },
});

/** PROVIDERS.md D: one host; test and live differ by the merchant's payOS channel, not by host. */
export const defaultBaseUrl = (_mode: 'test' | 'live') => 'https://api-merchant.payos.vn';

export const webhookUrls = (origin: string, account: ProviderAccount) => ({ webhook: hookUrl(origin, 'payos', account.id) });

/** The account money lands in is the provider's business (it shows in each QR), not part of the account body. */
export const receiving = (_account: ProviderAccount) => null;
