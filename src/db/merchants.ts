import type { Merchant } from '../lib/app-env';
import { newId } from '../lib/ids';
import { prepareApiKey } from './api-keys';

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

/** What the checkout page shows of a merchant; null fields fall back to the defaults. */
export interface MerchantBranding {
  name: string;
  displayName: string | null;
  logoUrl: string | null;
  /** `data:image/…;base64,…`, fetched once when the logo was set. */
  logoDataUrl: string | null;
  accentColor: string | null;
  /** https origins allowed to embed the checkout page in a frame. */
  frameAncestors: string[];
}

interface BrandingRow {
  name: string;
  display_name: string | null;
  logo_url: string | null;
  logo_data_url: string | null;
  accent_color: string | null;
  frame_ancestors: string;
}

export async function getMerchantBranding(env: Env, id: string): Promise<MerchantBranding | null> {
  const row = await env.DB.prepare(
    'SELECT name, display_name, logo_url, logo_data_url, accent_color, frame_ancestors FROM merchants WHERE id = ?',
  )
    .bind(id)
    .first<BrandingRow>();
  if (!row) return null;
  return {
    name: row.name,
    displayName: row.display_name,
    logoUrl: row.logo_url,
    logoDataUrl: row.logo_data_url,
    accentColor: row.accent_color,
    frameAncestors: JSON.parse(row.frame_ancestors) as string[],
  };
}

export interface BrandingChange {
  displayName?: string | null;
  logo?: { url: string; dataUrl: string } | null;
  accentColor?: string | null;
  frameAncestors?: string[];
}

/** Writes only the fields given (one statement); false when the merchant does not exist. */
export async function updateMerchantBranding(env: Env, id: string, change: BrandingChange): Promise<boolean> {
  const sets: string[] = [];
  const values: (string | null)[] = [];
  const put = (column: string, value: string | null) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (change.displayName !== undefined) put('display_name', change.displayName);
  if (change.logo !== undefined) {
    put('logo_url', change.logo?.url ?? null);
    put('logo_data_url', change.logo?.dataUrl ?? null);
  }
  if (change.accentColor !== undefined) put('accent_color', change.accentColor);
  if (change.frameAncestors !== undefined) put('frame_ancestors', JSON.stringify(change.frameAncestors));
  if (sets.length === 0) return (await getMerchant(env, id)) !== null;
  const result = await env.DB.prepare(`UPDATE merchants SET ${sets.join(', ')} WHERE id = ?`)
    .bind(...values, id)
    .run();
  return result.meta.changes > 0;
}
