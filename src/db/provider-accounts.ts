import { open } from '../crypto/secret-box';
import type { Env } from '../env';
import type { ProviderAccount, ProviderName } from '../providers/types';

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
 * `includeDeleted` (late callbacks for their orders must still be recorded).
 */
export async function loadAccount(env: Env, id: string, opts: { merchantId?: string; includeDeleted?: boolean } = {}) {
  const row = await env.DB.prepare(`${SELECT} WHERE pa.id = ?`).bind(id).first<ProviderAccountRow>();
  if (!row) return null;
  if (opts.merchantId && row.merchant_id !== opts.merchantId) return null;
  if (row.deleted_at && !opts.includeDeleted) return null;
  return toAccount(env, row);
}
