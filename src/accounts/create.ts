import { seal } from '../crypto/secret-box';
import { newId } from '../db/ids';
import { insertAccount } from '../db/provider-accounts';
import type { Env, Merchant } from '../env';
import { getProvider, type ProviderAccountInput } from '../providers/registry';
import type { ProviderAccount } from '../providers/types';

/**
 * Stores a validated provider account: the provider module splits public config from credentials,
 * credentials are sealed with the new row's id as associated data. Returns it as loaded later.
 */
export async function createProviderAccount(env: Env, merchant: Merchant, input: ProviderAccountInput): Promise<ProviderAccount> {
  const module = getProvider(input.provider);
  if (!module) throw new Error(`provider ${input.provider} is not registered`);
  const { config, credentials } = module.split(input);
  const account: ProviderAccount = {
    id: newId('pa'),
    merchantId: merchant.id,
    provider: input.provider,
    label: input.label ?? null,
    createsQr: module.createsQr,
    baseUrl: input.baseUrl ?? null,
    mode: merchant.mode,
    config,
    credentials,
    createdAt: new Date().toISOString(),
  };
  await insertAccount(env, { ...account, sealedCredentials: await seal(env.SECRETS_KEY, account.id, JSON.stringify(credentials)) });
  return account;
}
