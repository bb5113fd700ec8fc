import { loadAccount } from '../db/provider-accounts';
import type { Env } from '../env';
import { CallbackError } from '../providers/inbound/errors';
import type { ProviderAccount, ProviderName } from '../providers/types';

/**
 * The account a callback URL names. Deleted accounts still answer (late payments of their orders
 * must be recorded); an unknown id or another provider's account is 404.
 */
export async function callbackAccount(env: Env, paId: string | undefined, provider: ProviderName): Promise<ProviderAccount> {
  const account = paId && /^[\w-]{1,64}$/.test(paId) ? await loadAccount(env, paId, { includeDeleted: true }) : null;
  if (!account || account.provider !== provider) throw new CallbackError(404, 'ACCOUNT_NOT_FOUND', 'No such provider account');
  return account;
}
