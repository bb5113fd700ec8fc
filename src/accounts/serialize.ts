import { z } from '@hono/zod-openapi';
import { getProvider } from '../providers/registry';
import type { ProviderAccount } from '../providers/types';
import { orNull } from '../schemas/openapi-shapes';

export const receivingAccountSchema = z
  .object({ bin: z.string(), shortName: z.string(), accountNumber: z.string(), accountName: z.string().nullable() })
  .openapi('ReceivingAccount');

export const providerAccountSchema = z
  .object({
    id: z.string(),
    object: z.literal('provider_account'),
    provider: z.string(),
    label: z.string().nullable(),
    createsQr: z.boolean(),
    bank: orNull(receivingAccountSchema).openapi({
      description: 'The receiving bank account, where the account names one (never a credential)',
    }),
    webhookUrls: z.record(z.string(), z.string()).openapi({ description: 'Every URL to register at the provider (CONTRACT §6)' }),
    createdAt: z.string(),
  })
  .openapi('ProviderAccount');

/** The public view of an account: never its credentials. */
export function accountToJson(account: ProviderAccount, origin: string): z.infer<typeof providerAccountSchema> {
  const module = getProvider(account.provider);
  return {
    id: account.id,
    object: 'provider_account',
    provider: account.provider,
    label: account.label,
    createsQr: account.createsQr,
    bank: module?.receivingAccount(account) ?? null,
    webhookUrls: module?.webhookUrls(origin, account) ?? {},
    createdAt: account.createdAt,
  };
}
