import { z } from '@hono/zod-openapi';
import { randomToken } from '../../lib/ids';
import { credential, hookUrl, patchFields } from '../account-fields';
import type { ProviderAccount } from '../types';

export const accountSchema = z.strictObject({ clientId: credential(), secretKey: credential(), accessToken: credential() });

export type BankhubAccountInput = z.infer<typeof accountSchema>;

/** PATCH replaces the API credentials (clientId is stored as config); the URL token stays what BankHub was given. */
export const patchSchema = accountSchema.partial();
export const patch = (account: ProviderAccount, input: z.infer<typeof patchSchema>) => patchFields(account, input, ['clientId']);

/**
 * BankHub signs nothing, so its webhook URL carries a secret path token (160 random bits) made here,
 * once, when the account is created.
 */
export const split = (input: BankhubAccountInput) => ({
  config: { clientId: input.clientId },
  credentials: { secretKey: input.secretKey, accessToken: input.accessToken, urlToken: randomToken(20) },
});

/** PROVIDERS.md A1: sandbox and production hosts. */
export const defaultBaseUrl = (mode: 'test' | 'live') =>
  mode === 'live' ? 'https://production.bankhub.dev' : 'https://sandbox.bankhub.dev';

export const webhookUrls = (origin: string, account: ProviderAccount) => ({
  transactions: `${hookUrl(origin, 'bankhub', account.id)}/${account.credentials.urlToken}`,
});

/** The account money lands in is the provider's business (it shows in each QR), not part of the account body. */
export const receiving = (_account: ProviderAccount) => null;
