import { z } from '@hono/zod-openapi';
import { getProvider } from '../providers/registry';
import type { ProviderAccount } from '../providers/types';

export const providerAccountSchema = z
  .object({
    id: z.string(),
    provider: z.string(),
    label: z.string().nullable(),
    createsQr: z.boolean(),
    webhookUrls: z.record(z.string(), z.string()).openapi({ description: 'Every URL to register at the provider (CONTRACT §6)' }),
    createdAt: z.string(),
  })
  .openapi('ProviderAccount');

/** The public view of an account: never its config or credentials. */
export function accountToJson(account: ProviderAccount, origin: string): z.infer<typeof providerAccountSchema> {
  return {
    id: account.id,
    provider: account.provider,
    label: account.label,
    createsQr: account.createsQr,
    webhookUrls: getProvider(account.provider)?.webhookUrls(origin, account) ?? {},
    createdAt: account.createdAt,
  };
}
