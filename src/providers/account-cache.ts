import { readAccountState } from './stored-account';
import type { ProviderAccount, ProviderName } from './types';

/**
 * Provider accounts this isolate has read, by id, for the two hot paths that need one per request:
 * callbacks and order creation. A steady stream of either then costs no D1 statement and no decryption
 * (bench: ~6 ms of the ~30 ms a callback costs under `wrangler dev`).
 *
 * An account changes only through PATCH (rotation) and DELETE (revocation), and both call
 * `invalidateAccount(id)` after their write, so in the isolate that served them the change holds at once.
 * Other isolates cannot be told; they keep their copy until it is `TTL_MS` old. That bounds how long a
 * rotated or revoked credential can still verify elsewhere, so it is short: 15 s costs a provider sending
 * one callback a second one D1 read per 15 callbacks.
 */
const TTL_MS = 15_000;
const MAX_ENTRIES = 1_000;

export type AccountState = { deleted: false; account: ProviderAccount } | { deleted: true; merchantId: string; provider: ProviderName };

const cache = new Map<string, { state: AccountState; until: number }>();
// Bumped by every invalidation: a read that started before one must not store what it read.
let generation = 0;

/** The account as it stands (live or deleted), or null for an id no account has (not remembered). */
export async function accountState(env: Env, id: string): Promise<AccountState | null> {
  const now = Date.now();
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.state;
  const started = generation;
  const state = await readAccountState(env, id);
  if (!state) return null;
  if (started === generation) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(id, { state, until: now + TTL_MS });
  }
  return state;
}

/** A live account of this merchant, or null (unknown, deleted, another merchant's): what order creation needs. */
export async function liveAccount(env: Env, id: string, opts: { merchantId: string }): Promise<ProviderAccount | null> {
  const state = await accountState(env, id);
  if (!state || state.deleted || state.account.merchantId !== opts.merchantId) return null;
  return state.account;
}

/** Forgets the account here, after a write that changed it. */
export function invalidateAccount(id: string): void {
  generation++;
  cache.delete(id);
}
