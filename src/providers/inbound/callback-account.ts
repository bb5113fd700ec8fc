import { accountState } from '../account-cache';
import type { ProviderAccount, ProviderName } from '../types';
import { CallbackError, rejectAuth } from './errors';

/**
 * The account a callback URL names, from the isolate's account cache. A deleted account's URLs are
 * revoked credentials (CONTRACT §6): 401, like any other wrong credential. An unknown id or another
 * provider's account is 404.
 */
export async function callbackAccount(env: Env, paId: string | undefined, provider: ProviderName): Promise<ProviderAccount> {
  const state = paId && /^[\w-]{1,64}$/.test(paId) ? await accountState(env, paId) : null;
  const name = state ? (state.deleted ? state.provider : state.account.provider) : null;
  if (!state || name !== provider) throw new CallbackError(404, 'ACCOUNT_NOT_FOUND', 'No such provider account');
  if (state.deleted) throw rejectAuth('ACCOUNT_REVOKED', 'This provider account was deleted; its callback URLs are revoked');
  return state.account;
}
