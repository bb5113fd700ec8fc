import { z } from '@hono/zod-openapi';
import { accountName, accountNumber, credential, hookUrl, receivingAccount } from '../account-fields';
import type { ProviderAccount } from '../types';

export const accountSchema = z.strictObject({
  /** Ours at VietQR (token_generate → generate-customer). */
  username: credential(),
  password: credential(),
  bankCode: z.string().trim().min(1).max(20).openapi({ example: 'MB' }),
  bankAccount: accountNumber(),
  userBankName: accountName(),
  /** What VietQR sends us (Basic auth of our token_generate). */
  callbackUsername: credential(),
  callbackPassword: credential(),
});

export type VietqrAccountInput = z.infer<typeof accountSchema>;

export const split = (input: VietqrAccountInput) => ({
  config: { bankCode: input.bankCode, bankAccount: input.bankAccount, userBankName: input.userBankName },
  credentials: {
    username: input.username,
    password: input.password,
    callbackUsername: input.callbackUsername,
    callbackPassword: input.callbackPassword,
  },
});

/** PROVIDERS.md B: dev.vietqr.org for sandbox, api.vietqr.org for production (both under /vqr). */
export const defaultBaseUrl = (mode: 'test' | 'live') => (mode === 'live' ? 'https://api.vietqr.org/vqr' : 'https://dev.vietqr.org/vqr');

/** VietQR is given `base` as the merchant host and appends its own two paths to it. */
export function webhookUrls(origin: string, account: ProviderAccount) {
  const base = hookUrl(origin, 'vietqr', account.id);
  return { base, tokenGenerate: `${base}/api/token_generate`, transactionSync: `${base}/bank/api/transaction-sync` };
}

export const receiving = (account: ProviderAccount) =>
  receivingAccount(account.config.bankCode, account.config.bankAccount, account.config.userBankName);
