import { z } from '@hono/zod-openapi';
import { accountName, accountNumber, bank, bankAccountConfig, bankAccountReceiving, patchFields } from '../account-fields';
import type { ProviderAccount } from '../types';

/** A bank account we encode VietQR codes for ourselves; payments arrive through a bank-feed account. */
export const accountSchema = z.strictObject({ bank: bank(), accountNumber: accountNumber(), accountName: accountName() });

export type DirectAccountInput = z.infer<typeof accountSchema>;

/** A direct account holds no credential: PATCH changes only its label. */
export const patchSchema = z.strictObject({});
export const patch = (account: ProviderAccount, input: z.infer<typeof patchSchema>) => patchFields(account, input);

export const split = (input: DirectAccountInput) => ({ config: bankAccountConfig(input), credentials: {} });

/** No API to call. */
export const defaultBaseUrl = (_mode: 'test' | 'live'): string | null => null;

/** Nothing calls us back for a direct account. */
export const webhookUrls = (): Record<string, string> => ({});

/** The account the stored config names. */
export const receiving = bankAccountReceiving;
