import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DashEnv } from '../../../src/dashboard/context';
import { secureCookies } from '../../../src/dashboard/cookies';
import { crossSite, csrfMatches, csrfToken } from '../../../src/dashboard/csrf';
import { amountField, check } from '../../../src/dashboard/forms';
import { language } from '../../../src/dashboard/lang';
import { createOrderBody } from '../../../src/orders/schema';

// The dashboard's language middleware on a bare app: `?lang=` and the remembered choice in, the page's language out.
const langApp = new Hono<DashEnv>().use(language).get('/dashboard', (c) => c.text(c.get('lang')));
const chooseLang = async (query: string | undefined, remembered: string | undefined) =>
  (
    await langApp.request(query ? `/dashboard?lang=${query}` : '/dashboard', {
      headers: remembered ? { cookie: `dash_lang=${remembered}` } : {},
    })
  ).text();

describe('dashboard forms', () => {
  it('reads amounts as people type them, and leaves anything else for the schema to refuse', () => {
    expect(amountField('50000')).toBe(50_000);
    expect(amountField('50.000')).toBe(50_000);
    expect(amountField(' 1 250 000 ₫ ')).toBe(1_250_000);
    expect(amountField('50,000đ')).toBe(50_000);
    expect(amountField('')).toBeUndefined();
    expect(amountField('12abc')).toBe('12abc');
    expect(amountField('-5')).toBe('-5');
  });

  it("checks with the API's own schema; built-in messages follow the page language, the schema's own stay", () => {
    const input = { amount: 0, reference: 'bad ref!', expiresInSeconds: 900 };
    const vi = check(createOrderBody, input, 'vi');
    const en = check(createOrderBody, input, 'en');
    expect(vi.ok || en.ok).toBe(false);
    if (vi.ok || en.ok) return;
    expect(Object.keys(vi.errors).sort()).toEqual(['amount', 'reference']);
    expect(vi.errors.amount).not.toBe(en.errors.amount);
    expect(vi.errors.amount).toMatch(/quá nhỏ|phải/i);
    expect(vi.errors.reference).toBe(en.errors.reference);
    const strict = check(z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'en');
    expect(strict.ok ? null : strict.errors).toEqual({ b: expect.any(String) });
  });

  it('derives CSRF tokens from the session secret: same secret same token, another secret or purpose another', async () => {
    const token = await csrfToken('secret-one', 'session');
    expect(await csrfToken('secret-one', 'session')).toBe(token);
    expect(await csrfToken('secret-two', 'session')).not.toBe(token);
    expect(await csrfToken('secret-one', 'sign-in')).not.toBe(token);
    expect(await csrfMatches('secret-one', 'session', token)).toBe(true);
    expect(await csrfMatches('secret-one', 'session', `${token}x`)).toBe(false);
    expect(await csrfMatches('secret-one', 'session', '')).toBe(false);
    expect(await csrfMatches('secret-one', 'session', undefined)).toBe(false);
  });

  it("tells another site's form post by Sec-Fetch-Site and Origin", () => {
    const at = 'https://router.test/dashboard/x';
    const h = (headers: Record<string, string>) => new Headers(headers);
    expect(crossSite(h({ 'sec-fetch-site': 'same-origin', origin: 'https://router.test' }), at, undefined)).toBe(false);
    expect(crossSite(h({}), at, undefined)).toBe(false);
    expect(crossSite(h({ 'sec-fetch-site': 'cross-site' }), at, undefined)).toBe(true);
    expect(crossSite(h({ 'sec-fetch-site': 'same-site' }), at, undefined)).toBe(true);
    expect(crossSite(h({ origin: 'https://evil.example' }), at, undefined)).toBe(true);
    expect(crossSite(h({ origin: 'null' }), at, undefined)).toBe(true);
    // The browser's own word wins over an Origin that a no-referrer policy turned into "null".
    expect(crossSite(h({ origin: 'null', 'sec-fetch-site': 'same-origin' }), at, undefined)).toBe(false);
    expect(crossSite(h({ origin: 'https://pay.shop.vn' }), 'http://10.0.0.5/dashboard', 'https://pay.shop.vn')).toBe(false);
  });

  it('is Vietnamese unless English is asked for (and then remembered)', async () => {
    expect(await chooseLang(undefined, undefined)).toBe('vi');
    expect(await chooseLang('en', undefined)).toBe('en');
    expect(await chooseLang(undefined, 'en')).toBe('en');
    expect(await chooseLang('vi', 'en')).toBe('vi');
    expect(await chooseLang('fr', 'xx')).toBe('vi');
  });

  it('marks cookies Secure everywhere but on plain-http loopback', () => {
    expect(secureCookies('https://router.test/dashboard')).toBe(true);
    expect(secureCookies('http://shop.example/dashboard')).toBe(true);
    expect(secureCookies('http://10.0.0.5:8787/dashboard')).toBe(true);
    expect(secureCookies('http://127.0.0.1:8787/dashboard')).toBe(false);
    expect(secureCookies('http://localhost:8787/dashboard')).toBe(false);
    expect(secureCookies('http://[::1]:8787/dashboard')).toBe(false);
    expect(secureCookies('https://127.0.0.1/dashboard')).toBe(true);
  });
});
