import { afterCursor, type Cursor } from './pagination';

export interface ProviderAccountRow {
  id: string;
  merchant_id: string;
  provider: string;
  label: string | null;
  creates_qr: number;
  base_url: string | null;
  config: string;
  credentials: string;
  created_at: string;
  deleted_at: string | null;
  mode: 'test' | 'live';
}

const SELECT = `SELECT pa.*, m.mode FROM provider_accounts pa JOIN merchants m ON m.id = pa.merchant_id`;

/** One account's row by id (deleted or not), or null. */
export async function accountRowById(env: Env, id: string): Promise<ProviderAccountRow | null> {
  return (await env.DB.prepare(`${SELECT} WHERE pa.id = ?`).bind(id).first<ProviderAccountRow>()) ?? null;
}

export interface NewProviderAccount {
  id: string;
  merchantId: string;
  provider: string;
  label: string | null;
  createsQr: boolean;
  baseUrl: string | null;
  config: Record<string, string>;
  /** Already sealed (secret-box bound to `id`). */
  sealedCredentials: string;
  createdAt: string;
}

export async function insertAccount(env: Env, account: NewProviderAccount): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO provider_accounts (id, merchant_id, provider, label, creates_qr, base_url, config, credentials, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      account.id,
      account.merchantId,
      account.provider,
      account.label,
      account.createsQr ? 1 : 0,
      account.baseUrl,
      JSON.stringify(account.config),
      account.sealedCredentials,
      account.createdAt,
    )
    .run();
}

/** One page of a merchant's live accounts, newest first (`limit + 1` rows: see db/pagination). */
export async function listAccounts(env: Env, merchantId: string, cursor: Cursor | null, limit: number) {
  const after = afterCursor(cursor, 'pa.created_at', 'pa.id');
  const { results } = await env.DB.prepare(
    `${SELECT} WHERE pa.merchant_id = ? AND pa.deleted_at IS NULL AND ${after.sql}
      ORDER BY pa.created_at DESC, pa.id DESC LIMIT ?`,
  )
    .bind(merchantId, ...after.params, limit + 1)
    .all<ProviderAccountRow>();
  return results;
}

export interface AccountChange {
  label: string | null;
  baseUrl: string | null;
  config: Record<string, string>;
  /** Already sealed (secret-box bound to the account id). */
  sealedCredentials: string;
}

/**
 * Replaces a live account's mutable fields, only if its credentials are still `expectedSealed` (what the
 * caller read and merged into): of two concurrent PATCHes, the second is told to read again rather than
 * silently undoing the first. False when the account is gone, deleted, another merchant's, or changed meanwhile.
 */
export async function updateAccount(env: Env, merchantId: string, id: string, expectedSealed: string, change: AccountChange) {
  const result = await env.DB.prepare(
    `UPDATE provider_accounts SET label = ?, base_url = ?, config = ?, credentials = ?
      WHERE id = ? AND merchant_id = ? AND deleted_at IS NULL AND credentials = ?`,
  )
    .bind(change.label, change.baseUrl, JSON.stringify(change.config), change.sealedCredentials, id, merchantId, expectedSealed)
    .run();
  return result.meta.changes > 0;
}

/** A live account's row as stored (sealed credentials included), for a read-modify-write. */
export async function accountRow(env: Env, merchantId: string, id: string): Promise<ProviderAccountRow | null> {
  const row = await env.DB.prepare(`${SELECT} WHERE pa.id = ? AND pa.merchant_id = ? AND pa.deleted_at IS NULL`)
    .bind(id, merchantId)
    .first<ProviderAccountRow>();
  return row ?? null;
}

/** Soft delete: the row stays so the account's orders keep their history; its callbacks are refused from then on. */
export async function softDeleteAccount(env: Env, merchantId: string, id: string): Promise<boolean> {
  const result = await env.DB.prepare('UPDATE provider_accounts SET deleted_at = ? WHERE id = ? AND merchant_id = ? AND deleted_at IS NULL')
    .bind(new Date().toISOString(), id, merchantId)
    .run();
  return result.meta.changes > 0;
}

/** Ids of the merchant's live accounts that create QR codes (at most two: enough to tell "exactly one"). */
export async function qrAccountIds(env: Env, merchantId: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    'SELECT id FROM provider_accounts WHERE merchant_id = ? AND creates_qr = 1 AND deleted_at IS NULL ORDER BY created_at LIMIT 2',
  )
    .bind(merchantId)
    .all<{ id: string }>();
  return results.map((row) => row.id);
}
