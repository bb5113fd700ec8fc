import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from '../crypto/compare';
import { merchantForApiKey } from '../db/api-keys';
import type { AppEnv } from '../lib/app-env';
import { unauthorized } from '../lib/problem';

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Merchant API: `Authorization: Bearer sk_…` → the merchant. The key is looked up by its SHA-256. */
export const merchantAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = bearer(c.req.header('authorization'));
  if (!key || !/^sk_(test|live)_[A-Za-z0-9]+$/.test(key)) throw unauthorized('Missing or invalid API key');
  // Lookup by hash: the index probe compares hashes, so timing reveals nothing about the key itself.
  const found = await merchantForApiKey(c.env, key);
  if (!found) throw unauthorized('Missing or invalid API key');
  c.set('merchant', found.merchant);
  return next();
};

/** Admin API: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. */
export const adminAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearer(c.req.header('authorization'));
  if (!token || !c.env.ADMIN_TOKEN || !timingSafeEqual(token, c.env.ADMIN_TOKEN)) throw unauthorized('Invalid admin token');
  return next();
};
