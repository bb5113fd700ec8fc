import { sha256Hex } from '../crypto/hmac';
import type { Merchant } from '../lib/app-env';
import { newId, randomToken } from '../lib/ids';

export interface IssuedKey {
  id: string;
  apiKey: string;
  createdAt: string;
}

/** A fresh `sk_<mode>_…` key: 32 base32 characters = 160 random bits. Only its SHA-256 is kept. */
async function mintKey(mode: 'test' | 'live') {
  const apiKey = `sk_${mode}_${randomToken(20)}`;
  return { apiKey, hash: await sha256Hex(apiKey), prefix: apiKey.slice(0, 12) };
}

/** The INSERT of a new key, to run alone or inside a batch; the plaintext key is returned once. */
export async function prepareApiKey(env: Env, merchantId: string, mode: 'test' | 'live', createdAt: string) {
  const id = newId('key');
  const { apiKey, hash, prefix } = await mintKey(mode);
  const statement = env.DB.prepare('INSERT INTO api_keys (id, merchant_id, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)').bind(
    id,
    merchantId,
    hash,
    prefix,
    createdAt,
  );
  return { statement, key: { id, apiKey, createdAt } satisfies IssuedKey };
}

/** Revokes a key; false when no live key has that id. Auth checks `revoked_at` on every request. */
export async function revokeApiKey(env: Env, keyId: string): Promise<boolean> {
  const result = await env.DB.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
    .bind(new Date().toISOString(), keyId)
    .run();
  return result.meta.changes > 0;
}

/** The merchant a live API key belongs to, and the key's id (dashboard sign-in); null for an unknown or revoked key. */
export async function merchantForApiKey(env: Env, apiKey: string): Promise<{ merchant: Merchant; keyId: string } | null> {
  const row = await env.DB.prepare(
    `SELECT k.id AS keyId, m.id, m.name, m.mode, m.created_at AS createdAt
       FROM api_keys k JOIN merchants m ON m.id = k.merchant_id
      WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
  )
    .bind(await sha256Hex(apiKey))
    .first<Merchant & { keyId: string }>();
  if (!row) return null;
  const { keyId, ...merchant } = row;
  return { merchant, keyId };
}
