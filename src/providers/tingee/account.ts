import { z } from '@hono/zod-openapi';
import { accountNumber, credential, hookUrl, patchFields, receivingAccount } from '../account-fields';
import type { ProviderAccount } from '../types';

export const accountSchema = z.strictObject({
  clientId: credential(),
  secretToken: credential(),
  bankName: z.string().trim().min(1).max(20).openapi({ example: 'MBB' }),
  accountNumber: accountNumber(),
});

export type TingeeAccountInput = z.infer<typeof accountSchema>;

/** PATCH replaces the API credentials; the bank account stays. clientId is stored as config. */
export const patchSchema = accountSchema.pick({ clientId: true, secretToken: true }).partial();
export const patch = (account: ProviderAccount, input: z.infer<typeof patchSchema>) => patchFields(account, input, ['clientId']);

export const split = (input: TingeeAccountInput) => ({
  config: { clientId: input.clientId, bankName: input.bankName, accountNumber: input.accountNumber },
  credentials: { secretToken: input.secretToken },
});

/** PROVIDERS.md C: UAT for test mode, production otherwise. */
export const defaultBaseUrl = (mode: 'test' | 'live') =>
  mode === 'live' ? 'https://open-api.tingee.vn' : 'https://uat-open-api.tingee.vn';

export const webhookUrls = (origin: string, account: ProviderAccount) => ({ notification: hookUrl(origin, 'tingee', account.id) });

/** Tingee accounts name the bank and number; the holder's name is not part of the body. */
export const receiving = (account: ProviderAccount) => receivingAccount(account.config.bankName, account.config.accountNumber, undefined);
