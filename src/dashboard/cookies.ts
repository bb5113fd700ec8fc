import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

// Every dashboard cookie: HttpOnly (no script reads them), SameSite=Strict (no other site's page sends
// them), scoped to /dashboard, and Secure except on plain-http loopback during development.

export const SESSION_COOKIE = 'dash_session';
/** Before sign-in: the random value the sign-in form's CSRF token is derived from. */
export const PRESESSION_COOKIE = 'dash_pre';
export const LANG_COOKIE = 'dash_lang';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** `Secure` is left out only where the browser could never send it back: http://127.0.0.1 and friends. */
export function secureCookies(requestUrl: string): boolean {
  const url = new URL(requestUrl);
  return !(url.protocol === 'http:' && (LOOPBACK.has(url.hostname) || url.hostname.endsWith('.localhost')));
}

export function putCookie(c: Context, name: string, value: string, maxAgeSeconds: number): void {
  setCookie(c, name, value, {
    path: '/dashboard',
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureCookies(c.req.url),
    maxAge: maxAgeSeconds,
  });
}

export function dropCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/dashboard', httpOnly: true, sameSite: 'Strict', secure: secureCookies(c.req.url) });
}

export const readCookie = (c: Context, name: string): string | undefined => getCookie(c, name);
