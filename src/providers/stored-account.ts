import { open } from '../crypto/secret-box';
import { accountRowById, type ProviderAccountRow } from '../db/provider-accounts';
import type { ProviderAccount, ProviderName } from './types';

// A stored provider account as the providers know it, credentials decrypted. db/ holds the rows; turning one
// into a ProviderAccount is done here, so db/ needs no provider type.

export async function toAccount(env: Env, row: ProviderAccountRow): Promise<ProviderAccount> {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    provider: row.provider as ProviderName,
    label: row.label,
    createsQr: row.creates_qr === 1,
    baseUrl: row.base_url,
    mode: row.mode,
    config: JSON.parse(row.config),
    credentials: JSON.parse(await open(env.SECRETS_KEY, row.id, row.credentials)),
    createdAt: row.created_at,
  };
}

/**
 * A provider account with its credentials decrypted. Deleted accounts still load when
 * `includeDeleted` (their orders' history, sandbox payments of their orders).
 */
export async function loadAccount(env: Env, id: string, opts: { merchantId?: string; includeDeleted?: boolean } = {}) {
  const row = await accountRowById(env, id);
  if (!row) return null;
  if (opts.merchantId && row.merchant_id !== opts.merchantId) return null;
  if (row.deleted_at && !opts.includeDeleted) return null;
  return toAccount(env, row);
}

/** An account as it stands: live (credentials decrypted), deleted (no credentials opened), or unknown (null). */
export async function readAccountState(
  env: Env,
  id: string,
): Promise<{ deleted: false; account: ProviderAccount } | { deleted: true; merchantId: string; provider: ProviderName } | null> {
  const row = await accountRowById(env, id);
  if (!row) return null;
  if (row.deleted_at) return { deleted: true, merchantId: row.merchant_id, provider: row.provider as ProviderName };
  return { deleted: false, account: await toAccount(env, row) };
}
