import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { admin, call, worker } from '../fixtures/app';
import { browser, dashboardMerchant, formTo, htmlLang, signedIn, signInLink } from '../fixtures/dashboard';
import { newMerchant } from '../fixtures/merchant';

const DB = env.DB;
const cookie = (setCookies: string[], name: string) => setCookies.find((c) => c.startsWith(`${name}=`)) ?? '';

describe('dashboard sign-in, sessions and CSRF (CONTRACT §10)', () => {
  it('a one-time link: 201 {url, expiresAt} 15 minutes ahead, signs in with an HttpOnly Secure SameSite=Strict cookie, once', async () => {
    const merchant = await newMerchant();
    const before = Date.now();
    const link = await signInLink(merchant.id);
    expect(link.url).toMatch(/^https:\/\/router\.test\/dashboard\/link\/[0-9a-z]{32}$/);
    const minutes = (Date.parse(link.expiresAt) - before) / 60_000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThanOrEqual(15.01);

    const b = browser();
    const first = await b.get(link.url);
    expect(first.status).toBe(200);
    const session = cookie(first.setCookies, 'dash_session');
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).toMatch(/Secure/i);
    expect(session).toMatch(/Path=\/dashboard/);
    expect(session).toMatch(/Max-Age=43200/);
    expect(first.html).toMatch(/http-equiv="refresh" content="0; url=\/dashboard"/);
    expect((await b.get('/dashboard')).status).toBe(200);

    const again = browser();
    expect((await again.get(link.url)).status).toBe(401);
    expect(again.jar.has('dash_session')).toBe(false);
    expect((await again.get('/dashboard')).status).toBe(303);
  });

  it('a HEAD of the link (a mail scanner checking it) neither signs in nor uses it up', async () => {
    const merchant = await newMerchant();
    const link = await signInLink(merchant.id);
    const scanner = await worker.fetch(link.url, { method: 'HEAD', redirect: 'manual' });
    expect(scanner.status).toBe(200);
    expect(scanner.headers.getSetCookie()).toEqual([]);
    const b = browser();
    expect((await b.get(link.url)).status).toBe(200);
    expect(b.jar.has('dash_session')).toBe(true);
  });

  it('the link and the session are stored only as hashes', async () => {
    const merchant = await newMerchant();
    const link = await signInLink(merchant.id);
    const token = link.url.split('/').at(-1)!;
    const b = browser();
    await b.get(link.url);
    const sessionToken = b.jar.get('dash_session')!;
    const links = await DB.prepare('SELECT * FROM dashboard_links WHERE merchant_id = ?').bind(merchant.id).all();
    const sessions = await DB.prepare('SELECT * FROM dashboard_sessions WHERE merchant_id = ?').bind(merchant.id).all();
    const stored = JSON.stringify([links.results, sessions.results]);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(sessionToken);
    expect(sessions.results).toHaveLength(1);
  });

  it('a link for an unknown merchant is 404; the admin API needs the admin token', async () => {
    expect((await admin('POST', '/v1/admin/merchants/mer_nobody/dashboard-links', {})).status).toBe(404);
    const merchant = await newMerchant();
    expect((await call('POST', `/v1/admin/merchants/${merchant.id}/dashboard-links`, { body: {} })).status).toBe(401);
    expect((await call('POST', `/v1/admin/merchants/${merchant.id}/dashboard-links`, { token: merchant.apiKey, body: {} })).status).toBe(
      401,
    );
  });

  it('without a session every page is a 303 to sign-in, which comes back after signing in with an API key', async () => {
    const merchant = await newMerchant();
    const order = await merchant.order({ providerAccountId: (await merchant.account()).id });
    const b = browser();
    const wall = await b.get(`/dashboard/orders/${order.id}?x=1`);
    expect(wall.status).toBe(303);
    expect(wall.location).toBe(`/dashboard/sign-in?next=${encodeURIComponent(`/dashboard/orders/${order.id}?x=1`)}`);
    const signIn = await b.get(wall.location!);
    expect(signIn.status).toBe(200);
    expect(cookie(signIn.setCookies, 'dash_pre')).toMatch(/HttpOnly.*|SameSite=Strict/i);

    const wrong = await b.submit(formTo(signIn.html, '/dashboard/sign-in'), { apiKey: 'sk_test_wrongwrongwrong' });
    expect(wrong.status).toBe(401);
    expect(b.jar.has('dash_session')).toBe(false);

    const ok = await b.submit(formTo(wrong.html, '/dashboard/sign-in'), { apiKey: merchant.apiKey });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/dashboard/orders/${order.id}?x=1`);
    const page = await b.get(ok.location!);
    expect(page.status).toBe(200);
    expect(page.html).toContain(order.paymentCode);
  });

  it('the sign-in form needs its CSRF token, and refuses a post from another site', async () => {
    const merchant = await newMerchant();
    const b = browser();
    const form = formTo((await b.get('/dashboard/sign-in')).html, '/dashboard/sign-in');
    const noToken = await b.post('/dashboard/sign-in', { apiKey: merchant.apiKey });
    expect(noToken.status).toBe(403);
    const crossSite = await b.post('/dashboard/sign-in', [...form.fields, ['apiKey', merchant.apiKey]], {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect(b.jar.has('dash_session')).toBe(false);
  });

  it('sign-out revokes the session at once: the old cookie no longer works', async () => {
    const { browser: b } = await dashboardMerchant();
    const old = b.jar.get('dash_session')!;
    const home = await b.get('/dashboard');
    const out = await b.submit(formTo(home.html, '/dashboard/sign-out'));
    expect(out.status).toBe(303);
    expect(out.location).toMatch(/^\/dashboard\/sign-in/);
    const replayed = browser();
    replayed.jar.set('dash_session', old);
    expect((await replayed.get('/dashboard')).status).toBe(303);
  });

  it('an expired session goes to sign-in (saying so) and back; a revoked API key ends its sessions', async () => {
    const { merchant, browser: b } = await dashboardMerchant();
    await DB.prepare("UPDATE dashboard_sessions SET expires_at = '2020-01-01T00:00:00.000Z' WHERE merchant_id = ?").bind(merchant.id).run();
    const wall = await b.get('/dashboard/payments');
    expect(wall.status).toBe(303);
    expect(wall.location).toBe('/dashboard/sign-in?next=%2Fdashboard%2Fpayments&expired=1');
    const page = await b.get(wall.location!);
    expect(page.html).toContain('Phiên đăng nhập đã hết hạn');

    const key = (await admin('POST', `/v1/admin/merchants/${merchant.id}/api-keys`)).body as { id: string; apiKey: string };
    const keyed = browser();
    const form = formTo((await keyed.get('/dashboard/sign-in')).html, '/dashboard/sign-in');
    expect((await keyed.submit(form, { apiKey: key.apiKey })).status).toBe(303);
    expect((await keyed.get('/dashboard')).status).toBe(200);
    expect((await admin('DELETE', `/v1/admin/api-keys/${key.id}`)).status).toBe(204);
    expect((await keyed.get('/dashboard')).status).toBe(303);
  });

  it('every dashboard POST without the right CSRF token is 403 and changes nothing; a forged cookie is no session', async () => {
    const { merchant, account, browser: b } = await dashboardMerchant();
    const order = await merchant.order({ providerAccountId: account.id });
    const page = await b.get(`/dashboard/orders/${order.id}`);
    const cancel = formTo(page.html, '/cancel');
    expect((await b.submit(cancel, { csrf: '' })).status).toBe(403);
    expect((await b.submit(cancel, { csrf: 'x'.repeat(43) })).status).toBe(403);
    const other = await signedIn(merchant);
    expect(
      (await b.submit(cancel, { csrf: formTo((await other.get('/dashboard')).html, '/dashboard/sign-out').fields[0]![1] })).status,
    ).toBe(403);
    expect((await b.post(cancel.action, cancel.fields, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body.status).toBe('pending');

    const forged = browser();
    forged.jar.set('dash_session', 'a'.repeat(32));
    expect((await forged.get('/dashboard')).status).toBe(303);
    expect((await forged.post(cancel.action, cancel.fields)).status).toBe(303);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body.status).toBe('pending');
  });

  it('pages are Vietnamese by default; ?lang=en switches to English and is remembered; a strict CSP with a nonce', async () => {
    const { browser: b } = await dashboardMerchant();
    const vi = await b.get('/dashboard');
    expect(htmlLang(vi.html)).toBe('vi');
    expect(vi.html).toContain('Tổng quan');
    const en = await b.get('/dashboard/orders?lang=en');
    expect(htmlLang(en.html)).toBe('en');
    expect(cookie(en.setCookies, 'dash_lang')).toMatch(/^dash_lang=en;.*SameSite=Strict/i);
    const later = await b.get('/dashboard/payments');
    expect(htmlLang(later.html)).toBe('en');
    expect(later.html).toContain('Unmatched');
    expect(htmlLang((await b.get('/dashboard?lang=vi')).html)).toBe('vi');

    const csp = vi.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(vi.headers.get('cache-control')).toBe('no-store');
    const scripts = [...vi.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain(`nonce="${nonce}"`);
    expect(vi.html).not.toMatch(/\sstyle="/);
    // The app's Referrer-Policy is no-referrer, under which browsers send `Origin: null` with form posts.
    expect(vi.html).toContain('<meta name="referrer" content="same-origin"/>');
    expect(vi.html).not.toMatch(/\son[a-z]+="/);
    const next = await b.get('/dashboard');
    expect(next.headers.get('content-security-policy')).not.toBe(csp);
    const asset = await b.get(/src="([^"]+)"/.exec(scripts[0]!)![1]!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
  });
});
