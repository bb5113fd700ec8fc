import { seal } from '../crypto/secret-box';
import { insertAccount } from '../db/provider-accounts';
import type { Merchant } from '../lib/app-env';
import { newId } from '../lib/ids';
import { assertBaseUrlAllowed } from '../providers/base-url';
import { getProvider, type ProviderAccountInput } from '../providers/registry';
import type { ProviderAccount } from '../providers/types';

/**
 * Stores a validated provider account: its baseUrl must pass the outbound URL policy, the provider module
 * splits public config from credentials, credentials are sealed with the new row's id as associated data.
 * Returns it as loaded later, with any credential generated here (shown to the merchant once).
 */
export async function createProviderAccount(
  env: Env,
  merchant: Merchant,
  input: ProviderAccountInput,
): Promise<{ account: ProviderAccount; generated?: Record<string, string> }> {
  const module = getProvider(input.provider);
  if (!module) throw new Error(`provider ${input.provider} is not registered`);
  assertBaseUrlAllowed(env, input.baseUrl);
  const { config, credentials, generated } = module.split(input);
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
  return { account, generated };
}
