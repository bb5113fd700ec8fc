import type { Context } from 'hono';
import { timingSafeEqual } from '../crypto/compare';
import { toBase64Url } from '../crypto/encoding';
import { hmac } from '../crypto/hmac';
import type { DashEnv } from './context';

/** The name of every form's CSRF field. */
export const CSRF_FIELD = 'csrf';

/**
 * A form's CSRF token: an HMAC keyed by the session's own secret (the HttpOnly cookie), so no other
 * site can compute it and nothing needs storing. `purpose` separates the sign-in form's token from a session's.
 */
export async function csrfToken(secret: string, purpose: 'session' | 'sign-in'): Promise<string> {
  return toBase64Url(await hmac('SHA-256', secret, `dashboard-csrf:${purpose}`));
}

export async function csrfMatches(secret: string, purpose: 'session' | 'sign-in', sent: unknown): Promise<boolean> {
  if (typeof sent !== 'string' || sent === '') return false;
  return timingSafeEqual(sent, await csrfToken(secret, purpose));
}

/**
 * A browser tells where a form post comes from: `Sec-Fetch-Site` (set by the browser, never by a page) and
 * `Origin`. Another site's post is refused even before its token is looked at; a request that sends neither
 * (an old browser, a script) still needs the token.
 */
export function crossSite(headers: Headers, requestUrl: string, publicOrigin: string | undefined): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = headers.get('origin');
  if (!origin) return false;
  const allowed = new Set([new URL(requestUrl).origin]);
  if (publicOrigin) allowed.add(publicOrigin.replace(/\/+$/, ''));
  return !allowed.has(origin);
}

/** The fields of a form post (application/x-www-form-urlencoded), each name with all its values. */
export type FormFields = Record<string, string[]>;

const MAX_FORM_BYTES = 64 * 1024;

/** Reads a POST's form once (at most 64 KiB; anything else reads as no fields, which no CSRF check passes). */
export async function formOf(c: Context<DashEnv>): Promise<FormFields> {
  const cached = c.get('form');
  if (cached) return cached;
  const fields: FormFields = {};
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded' && Number(c.req.header('content-length') ?? '0') <= MAX_FORM_BYTES) {
    const bytes = await c.req.arrayBuffer();
    const text = new TextDecoder().decode(bytes);
    if (bytes.byteLength <= MAX_FORM_BYTES) {
      for (const [name, value] of new URLSearchParams(text)) {
        const values = fields[name] ?? [];
        values.push(value);
        fields[name] = values;
      }
    }
  }
  c.set('form', fields);
  return fields;
}

/** The first value of a field, or '' when absent. */
export const field = (form: FormFields, name: string): string => form[name]?.[0] ?? '';
