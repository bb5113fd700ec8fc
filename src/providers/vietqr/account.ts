import { z } from '@hono/zod-openapi';
import { randomToken } from '../../lib/ids';
import { accountName, accountNumber, callbackSecret, credential, hookUrl, patchFields, receivingAccount } from '../account-fields';
import type { ProviderAccount } from '../types';

const secrets = {
  /** Ours at VietQR (token_generate → generate-customer). */
  username: credential(),
  password: credential(),
  /** What VietQR sends us (Basic auth of our token_generate). */
  callbackUsername: credential(),
  callbackPassword: callbackSecret().openapi({ description: 'At least 16 characters; left out, one is generated and returned once' }),
};

export const accountSchema = z.strictObject({
  ...secrets,
  callbackPassword: secrets.callbackPassword.optional(),
  bankCode: z.string().trim().min(1).max(20).openapi({ example: 'MB' }),
  bankAccount: accountNumber(),
  userBankName: accountName(),
});

export type VietqrAccountInput = z.infer<typeof accountSchema>;

/**
 * The merchant registers callbackPassword at VietQR, so when it is left out we make one (128 random bits,
 * 26 characters) and hand it back once, in the 201 answer (`generatedCredentials`).
 */
export function split(input: VietqrAccountInput) {
  const generated = input.callbackPassword === undefined ? { callbackPassword: randomToken(16) } : undefined;
  return {
    config: { bankCode: input.bankCode, bankAccount: input.bankAccount, userBankName: input.userBankName },
    credentials: {
      username: input.username,
      password: input.password,
      callbackUsername: input.callbackUsername,
      callbackPassword: input.callbackPassword ?? generated?.callbackPassword ?? '',
    },
    generated,
  };
}

/** PATCH replaces credentials (rotating the callback ones voids VietQR's bearer tokens); the bank account stays. */
export const patchSchema = z.strictObject(secrets).partial();
export const patch = (account: ProviderAccount, input: z.infer<typeof patchSchema>) => patchFields(account, input);

/** PROVIDERS.md B: dev.vietqr.org for sandbox, api.vietqr.org for production (both under /vqr). */
export const defaultBaseUrl = (mode: 'test' | 'live') => (mode === 'live' ? 'https://api.vietqr.org/vqr' : 'https://dev.vietqr.org/vqr');

/** VietQR is given `base` as the merchant host and appends its own two paths to it. */
export function webhookUrls(origin: string, account: ProviderAccount) {
  const base = hookUrl(origin, 'vietqr', account.id);
  return { base, tokenGenerate: `${base}/api/token_generate`, transactionSync: `${base}/bank/api/transaction-sync` };
}

export const receiving = (account: ProviderAccount) =>
  receivingAccount(account.config.bankCode, account.config.bankAccount, account.config.userBankName);
