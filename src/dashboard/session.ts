import type { MiddlewareHandler } from 'hono';
import { getSession } from '../db/dashboard-sessions';
import { publicOrigin } from '../lib/public-origin';
import type { DashEnv } from './context';
import { dropCookie, readCookie, SESSION_COOKIE } from './cookies';
import { CSRF_FIELD, crossSite, csrfMatches, csrfToken, field, formOf } from './csrf';
import { safeNext, signInPath } from './next-path';
import { forbiddenPage } from './pages/errors';

const TOKEN = /^[0-9a-z]{20,64}$/;

/** The page a POST came from, to return to after signing in again (its form is not re-sent). */
function refererPath(referer: string | undefined, requestUrl: string): string {
  if (!referer) return '/dashboard';
  try {
    const url = new URL(referer);
    return url.origin === new URL(requestUrl).origin ? safeNext(`${url.pathname}${url.search}`) : '/dashboard';
  } catch {
    return '/dashboard';
  }
}

/**
 * Every dashboard page but sign-in: a live session, or 303 to the sign-in page (which comes back here).
 * A POST must also be same-origin and carry the session's CSRF token: otherwise 403 and nothing runs.
 */
export const requireSession: MiddlewareHandler<DashEnv> = async (c, next) => {
  const token = readCookie(c, SESSION_COOKIE);
  const session = token && TOKEN.test(token) ? await getSession(c.env, token) : null;
  if (!token || !session) {
    if (token) dropCookie(c, SESSION_COOKIE);
    const url = new URL(c.req.url);
    const back = c.req.method === 'GET' ? safeNext(url.pathname + url.search) : refererPath(c.req.header('referer'), c.req.url);
    return c.redirect(signInPath(back, Boolean(token)), 303);
  }
  c.set('merchant', session.merchant);
  c.set('sessionToken', token);
  c.set('csrf', await csrfToken(token, 'session'));
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const form = await formOf(c);
    const refused =
      crossSite(c.req.raw.headers, c.req.url, c.env.PUBLIC_BASE_URL && publicOrigin(c.env, c.req.url)) ||
      !(await csrfMatches(token, 'session', field(form, CSRF_FIELD)));
    if (refused) return forbiddenPage(c);
  }
  await next();
};
