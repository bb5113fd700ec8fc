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

const secrets = {
  apiKey: callbackSecret().optional(),
  webhookSecret: callbackSecret().optional(),
  /** SePay user API token (`Authorization: Bearer …`), only for reconciliation (CONTRACT §9). */
  apiToken: credential().optional(),
};

/** A bank feed only. SePay authenticates with an API key, an HMAC secret, or either: at least one is needed. */
export const accountSchema = z
  .strictObject({ ...secrets, bank: bank(), accountNumber: accountNumber(), accountName: accountName() })
  .refine((input) => input.apiKey !== undefined || input.webhookSecret !== undefined, {
    path: ['apiKey'],
    message: 'apiKey or webhookSecret (or both) is required',
  });

export type SepayAccountInput = z.infer<typeof accountSchema>;

/** PATCH replaces or adds credentials (so "apiKey or webhookSecret" still holds); the receiving account stays. */
export const patchSchema = z.strictObject(secrets).partial();
export const patch = (account: ProviderAccount, input: z.infer<typeof patchSchema>) => patchFields(account, input);

export function split(input: SepayAccountInput) {
  const credentials: Record<string, string> = {};
  if (input.apiKey !== undefined) credentials.apiKey = input.apiKey;
  if (input.webhookSecret !== undefined) credentials.webhookSecret = input.webhookSecret;
  if (input.apiToken !== undefined) credentials.apiToken = input.apiToken;
  return { config: bankAccountConfig(input), credentials };
}

/** SePay's user API v2 (only reconciliation calls it); test mode uses its sandbox (PROVIDERS.md "Pull: 2", S7). */
export const defaultBaseUrl = (mode: 'test' | 'live'): string | null =>
  mode === 'live' ? 'https://userapi.sepay.vn' : 'https://userapi-sandbox.sepay.vn';

export const webhookUrls = (origin: string, account: ProviderAccount) => ({ webhook: hookUrl(origin, 'sepay', account.id) });

/** The account the stored config names. */
export const receiving = bankAccountReceiving;
