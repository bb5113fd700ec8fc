import { Hono } from 'hono';
import { merchantForApiKey } from '../../db/api-keys';
import { consumeSignInLink, createSession, getSession, revokeSession, SESSION_TTL_MS } from '../../db/dashboard-sessions';
import { randomToken } from '../../lib/ids';
import { publicOrigin } from '../../lib/public-origin';
import { rateLimit } from '../../lib/rate-limit';
import type { DashContext, DashEnv } from '../context';
import { dropCookie, PRESESSION_COOKIE, putCookie, readCookie, SESSION_COOKIE } from '../cookies';
import { CSRF_FIELD, crossSite, csrfMatches, csrfToken, field, formOf } from '../csrf';
import { PlainLayout } from '../layout';
import { safeNext } from '../next-path';
import { forbiddenPage } from '../pages/errors';
import { SignInPage, type SignInProps } from '../pages/sign-in';
import { sendPage } from '../render';
import { requireSession } from '../session';

const app = new Hono<DashEnv>();
// Sign-in attempts count against the client's address like the public pages (an API key has 160 random bits;
// this only keeps a flood off the database).
const limit = rateLimit('public');
const PRESESSION_SECONDS = 3600;
const API_KEY = /^sk_(test|live)_[A-Za-z0-9]{1,100}$/;

/** The sign-in form's CSRF token comes from a random HttpOnly cookie set with the form (login CSRF). */
async function signInForm(c: DashContext, props: Omit<SignInProps, 'csrf'>, status: 200 | 401 = 200) {
  let pre = readCookie(c, PRESESSION_COOKIE);
  if (!pre || !/^[0-9a-z]{32}$/.test(pre)) {
    pre = randomToken(20);
    putCookie(c, PRESESSION_COOKIE, pre, PRESESSION_SECONDS);
  }
  return sendPage(c, SignInPage(c, { ...props, csrf: await csrfToken(pre, 'sign-in') }), status);
}

async function startSession(c: DashContext, merchantId: string, via: 'api_key' | 'link', apiKeyId: string | null) {
  const session = await createSession(c.env, merchantId, via, apiKeyId);
  putCookie(c, SESSION_COOKIE, session.token, SESSION_TTL_MS / 1000);
  dropCookie(c, PRESESSION_COOKIE);
}

app.get('/dashboard/sign-in', async (c) => {
  const next = safeNext(c.req.query('next'));
  const token = readCookie(c, SESSION_COOKIE);
  if (token && (await getSession(c.env, token))) return c.redirect(next, 303);
  const notice = c.req.query('signed-out') ? 'signedOut' : c.req.query('expired') ? 'expired' : undefined;
  return signInForm(c, { next, notice });
});

app.post('/dashboard/sign-in', limit, async (c) => {
  const form = await formOf(c);
  const pre = readCookie(c, PRESESSION_COOKIE);
  const origin = c.env.PUBLIC_BASE_URL ? publicOrigin(c.env, c.req.url) : undefined;
  if (crossSite(c.req.raw.headers, c.req.url, origin) || !pre || !(await csrfMatches(pre, 'sign-in', field(form, CSRF_FIELD)))) {
    return forbiddenPage(c);
  }
  const next = safeNext(field(form, 'next'));
  const apiKey = field(form, 'apiKey').trim();
  const found = API_KEY.test(apiKey) ? await merchantForApiKey(c.env, apiKey) : null;
  if (!found) return signInForm(c, { next, error: c.get('t').signIn.wrongKey }, 401);
  await startSession(c, found.merchant.id, 'api_key', found.keyId);
  return c.redirect(next, 303);
});

/**
 * A one-time link from the admin API. The session cookie is set here; the page then moves on by itself
 * (meta refresh, and a link): a redirect would carry the cross-site context of wherever the link was
 * clicked, and a SameSite=Strict cookie is not sent on such a navigation.
 */
app.get('/dashboard/link/:token', limit, async (c) => {
  // hono answers HEAD with the GET handler; a mail scanner's HEAD must not use up a single-use link.
  if (c.req.method === 'HEAD') return c.body(null, 200, { 'cache-control': 'no-store' });
  const token = c.req.param('token');
  const merchantId = /^[0-9a-z]{20,64}$/.test(token) ? await consumeSignInLink(c.env, token) : null;
  if (!merchantId) return signInForm(c, { next: '/dashboard', notice: 'linkUsed' }, 401);
  await startSession(c, merchantId, 'link', null);
  const t = c.get('t');
  return sendPage(
    c,
    <PlainLayout c={c} title={t.signIn.signedIn} head={<meta http-equiv="refresh" content="0; url=/dashboard" />}>
      <section class="card">
        <h1>{t.signIn.signedIn}</h1>
        <p>
          <a class="button" href="/dashboard">
            {t.signIn.continue}
          </a>
        </p>
      </section>
    </PlainLayout>,
  );
});

app.post('/dashboard/sign-out', requireSession, async (c) => {
  await revokeSession(c.env, c.get('sessionToken'));
  dropCookie(c, SESSION_COOKIE);
  return c.redirect('/dashboard/sign-in?signed-out=1', 303);
});

export default app;
