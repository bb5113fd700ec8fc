import { z } from '@hono/zod-openapi';
import {
  accountName,
  accountNumber,
  bank,
  bankAccountConfig,
  bankAccountReceiving,
  callbackSecret,
  credential,
  hookUrl,
  patchFields,
} from '../account-fields';
import type { ProviderAccount } from '../types';

// Alike sepay/account.ts: both are bank feeds on the merchant's own account; what they share is in account-fields.ts.
const secrets = {
  checksumKey: callbackSecret(),
  /** Casso API key (`Authorization: Apikey …`), only for reconciliation (CONTRACT §9). */
  apiKey: credential().optional(),
};

/** A bank feed only: Casso tells us about transfers into this account; it creates no QR. */
export const accountSchema = z.strictObject({ ...secrets, bank: bank(), accountNumber: accountNumber(), accountName: accountName() });

/** PATCH replaces credentials; the receiving account is the account's identity and stays. */
export const patchSchema = z.strictObject(secrets).partial();
export const patch = (account: ProviderAccount, input: z.infer<typeof patchSchema>) => patchFields(account, input);

export type CassoAccountInput = z.infer<typeof accountSchema>;

export const split = (input: CassoAccountInput) => ({
  config: bankAccountConfig(input),
  credentials: { checksumKey: input.checksumKey, ...(input.apiKey === undefined ? {} : { apiKey: input.apiKey }) },
});

/** Casso's API (only reconciliation calls it): one host, no sandbox (PROVIDERS.md "Pull: 1"). */
export const defaultBaseUrl = (_mode: 'test' | 'live'): string | null => 'https://oauth.casso.vn';

export const webhookUrls = (origin: string, account: ProviderAccount) => ({ webhook: hookUrl(origin, 'casso', account.id) });

/** The account the stored config names. */
export const receiving = bankAccountReceiving;
