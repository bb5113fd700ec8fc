import type { Env, Merchant } from '../env';
import { prepareApiKey } from './api-keys';
import { newId } from './ids';

/** A merchant and its first API key, written together (one batch: no merchant without a key). */
export async function createMerchant(env: Env, name: string, mode: Merchant['mode']) {
  const id = newId('mer');
  const createdAt = new Date().toISOString();
  const { statement, key } = await prepareApiKey(env, id, mode, createdAt);
  await env.DB.batch([
    env.DB.prepare('INSERT INTO merchants (id, name, mode, created_at) VALUES (?, ?, ?, ?)').bind(id, name, mode, createdAt),
    statement,
  ]);
  return { id, name, mode, apiKey: key.apiKey, createdAt };
}

export async function getMerchant(env: Env, id: string): Promise<Merchant | null> {
  return env.DB.prepare('SELECT id, name, mode, created_at AS createdAt FROM merchants WHERE id = ?').bind(id).first<Merchant>();
}

/** Issues another key for an existing merchant; null when the merchant does not exist. */
export async function issueApiKey(env: Env, merchantId: string) {
  const merchant = await getMerchant(env, merchantId);
  if (!merchant) return null;
  const { statement, key } = await prepareApiKey(env, merchant.id, merchant.mode, new Date().toISOString());
  await statement.run();
  return key;
}
