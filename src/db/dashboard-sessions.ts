import { sha256Hex } from '../crypto/hmac';
import type { Merchant } from '../lib/app-env';
import { randomToken } from '../lib/ids';

// Dashboard sessions and one-time sign-in links (CONTRACT §10). The tokens travel in a cookie or a URL;
// only their SHA-256 is stored, and lookups go by that hash (an index probe reveals nothing of the token).

export const SESSION_TTL_MS = 12 * 3_600_000;
export const LINK_TTL_MS = 15 * 60_000;

/** 32 base32 characters = 160 random bits, like API keys. */
const newToken = () => randomToken(20);

export interface SignInLink {
  token: string;
  expiresAt: string;
}

/** A one-time sign-in link token for a merchant; null when the merchant does not exist. */
export async function createSignInLink(env: Env, merchantId: string, now = Date.now()): Promise<SignInLink | null> {
  const token = newToken();
  const expiresAt = new Date(now + LINK_TTL_MS).toISOString();
  // INSERT … SELECT: no row (and no link) for an unknown merchant, in one statement.
  const result = await env.DB.prepare(
    'INSERT INTO dashboard_links (token_hash, merchant_id, created_at, expires_at) SELECT ?, id, ?, ? FROM merchants WHERE id = ?',
  )
    .bind(await sha256Hex(token), new Date(now).toISOString(), expiresAt, merchantId)
    .run();
  return result.meta.changes > 0 ? { token, expiresAt } : null;
}

/**
 * Uses a sign-in link: the merchant it was made for, or null when it is unknown, expired or used.
 * One UPDATE marks it used, so two requests racing with the same link cannot both win.
 */
export async function consumeSignInLink(env: Env, token: string, now = Date.now()): Promise<string | null> {
  const at = new Date(now).toISOString();
  const row = await env.DB.prepare(
    'UPDATE dashboard_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING merchant_id',
  )
    .bind(at, await sha256Hex(token), at)
    .first<{ merchant_id: string }>();
  return row?.merchant_id ?? null;
}

export interface NewSession {
  /** The cookie's value: shown to the browser once, stored hashed. */
  token: string;
  expiresAt: string;
}

export async function createSession(
  env: Env,
  merchantId: string,
  via: 'api_key' | 'link',
  apiKeyId: string | null,
  now = Date.now(),
): Promise<NewSession> {
  const token = newToken();
  const expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
  await env.DB.prepare(
    'INSERT INTO dashboard_sessions (token_hash, merchant_id, via, api_key_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
    .bind(await sha256Hex(token), merchantId, via, apiKeyId, new Date(now).toISOString(), expiresAt)
    .run();
  return { token, expiresAt };
}

export interface Session {
  merchant: Merchant;
  expiresAt: string;
}

/** The live session a cookie names: not expired, not revoked, and its API key (if any) not revoked. */
export async function getSession(env: Env, token: string, now = Date.now()): Promise<Session | null> {
  const row = await env.DB.prepare(
    `SELECT m.id, m.name, m.mode, m.created_at AS createdAt, s.expires_at AS expiresAt
       FROM dashboard_sessions s
       JOIN merchants m ON m.id = s.merchant_id
       LEFT JOIN api_keys k ON k.id = s.api_key_id
      WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?
        AND (s.api_key_id IS NULL OR k.revoked_at IS NULL)`,
  )
    .bind(await sha256Hex(token), new Date(now).toISOString())
    .first<Merchant & { expiresAt: string }>();
  if (!row) return null;
  const { expiresAt, ...merchant } = row;
  return { merchant, expiresAt };
}

/** Sign-out: the session stops working at once. */
export async function revokeSession(env: Env, token: string, now = Date.now()): Promise<void> {
  await env.DB.prepare('UPDATE dashboard_sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
    .bind(new Date(now).toISOString(), await sha256Hex(token))
    .run();
}
