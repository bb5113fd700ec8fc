import { loadAccount } from '../db/provider-accounts';
import type { Env } from '../env';
import { CallbackError } from '../providers/inbound/errors';
import type { ProviderAccount, ProviderName } from '../providers/types';

/**
 * Accounts this isolate has read for callbacks, by id. A provider account never changes once created
 * (there is no update; deletion does not stop its callbacks), so a provider's steady stream of callbacks
 * needs no D1 read and no decryption per callback (bench: ~6 ms of the ~30 ms a callback costs under
 * `wrangler dev`). Bounded, and short-lived so that nothing is kept long after it was last needed.
 */
const cache = new Map<string, { account: ProviderAccount; until: number }>();
const CACHE_MS = 60_000;
const CACHE_MAX = 1_000;

/**
 * The account a callback URL names. Deleted accounts still answer (late payments of their orders
 * must be recorded); an unknown id or another provider's account is 404.
 */
export async function callbackAccount(env: Env, paId: string | undefined, provider: ProviderName): Promise<ProviderAccount> {
  const account = paId && /^[\w-]{1,64}$/.test(paId) ? await cachedAccount(env, paId) : null;
  if (!account || account.provider !== provider) throw new CallbackError(404, 'ACCOUNT_NOT_FOUND', 'No such provider account');
  return account;
}

async function cachedAccount(env: Env, id: string): Promise<ProviderAccount | null> {
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.account;
  const account = await loadAccount(env, id, { includeDeleted: true });
  if (!account) return null; // unknown ids are not remembered: each costs its lookup, as before
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(id, { account, until: now + CACHE_MS });
  return account;
}
