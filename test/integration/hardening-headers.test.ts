import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { BASE, worker } from '../fixtures/app';
import { cassoCallback } from '../fixtures/casso';
import { merchantWithAccount } from '../fixtures/merchant';

/** Security headers on every kind of answer: HTML pages, JSON, SVG, 304s, problems, provider replies, 429s. */
function expectSecureHeaders(label: string, headers: Headers) {
  const get = (name: string) => headers.get(name) ?? '';
  expect(get('x-content-type-options'), label).toBe('nosniff');
  expect(get('referrer-policy'), label).toMatch(/^(no-referrer|strict-origin|strict-origin-when-cross-origin|same-origin)$/);
  expect(get('strict-transport-security'), label).toMatch(/max-age=\d{7,}/);
  const framing =
    /^(DENY|SAMEORIGIN)$/i.test(get('x-frame-options')) || /frame-ancestors\s+('none'|'self')/.test(get('content-security-policy'));
  expect(framing, `${label}: X-Frame-Options or CSP frame-ancestors`).toBe(true);
  expect(get('x-request-id'), label).not.toBe('');
}

const limitedApp = createApp();
const limited = { ...env, PUBLIC_RATE_LIMIT: env.TEST_RATE_LIMIT_1 };

describe('security headers on every kind of response', () => {
  it('HTML, JSON, SVG (fresh, cached, 304), problems, provider replies and 429s', async () => {
    const merchant = await merchantWithAccount();
    const order = await merchant.order();
    const checksumKey = 'headers-checksum-key';
    const casso = await merchant.account({
      provider: 'casso',
      checksumKey,
      bank: '970436',
      accountNumber: '0123456789',
      accountName: 'SHOP',
    });
    const signed = await cassoCallback(checksumKey, { amount: 1_000, content: 'no order here' });
    const auth = { authorization: `Bearer ${merchant.apiKey}` };
    const json = { 'content-type': 'application/json' };

    const requests: [string, string, RequestInit?][] = [
      ['health JSON', '/healthz'],
      ['OpenAPI document', '/openapi.json'],
      ['API reference HTML', '/docs'],
      ['checkout page HTML', `/pay/${order.id}`],
      ['checkout page HTML (en)', `/pay/${order.id}?lang=en`],
      ['checkout status JSON', `/pay/${order.id}/status`],
      ['QR SVG', `/qr/${order.id}.svg`],
      ['QR SVG from the cache', `/qr/${order.id}.svg`],
      ['quicklink SVG', '/qr.svg?bank=970436&account=0123456789&amount=10000'],
      ['merchant API JSON', `/v1/orders/${order.id}`, { headers: auth }],
      ['401 problem', '/v1/orders', { headers: { authorization: 'Bearer sk_test_nope' } }],
      ['404 problem', '/nowhere'],
      ['415 problem', '/v1/orders', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'x' }],
      ['422 problem', '/v1/orders', { method: 'POST', headers: { ...auth, ...json }, body: '{}' }],
      ['413 problem', '/v1/qr/decode', { method: 'POST', headers: json, body: JSON.stringify({ payload: 'a'.repeat(70_000) }) }],
      ['hook 401 problem', `/hooks/casso/${casso.id}`, { method: 'POST', headers: json, body: '{}' }],
      ['hook success reply', `/hooks/casso/${casso.id}`, { method: 'POST', headers: signed.headers, body: signed.body }],
      ['hook 401 in Tingee format', '/hooks/tingee/pa_unknown', { method: 'POST', headers: json, body: '{}' }],
    ];
    for (const [label, path, init] of requests) {
      const res = await worker.fetch(`${BASE}${path}`, init);
      expect(res.status, label).toBeLessThan(500);
      expectSecureHeaders(`${label} (${res.status})`, res.headers);
    }

    const etag = (await worker.fetch(`${BASE}/qr/${order.id}.svg`)).headers.get('etag') ?? '';
    const notModified = await worker.fetch(`${BASE}/qr/${order.id}.svg`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expectSecureHeaders('QR SVG 304', notModified.headers);

    const ip = { 'cf-connecting-ip': '192.0.2.44' };
    for (let i = 0; i < 2; i++) {
      const ctx = createExecutionContext();
      const res = await limitedApp.fetch(new Request(`${BASE}/pay/${order.id}/status`, { headers: ip }), limited, ctx);
      await waitOnExecutionContext(ctx);
      if (i === 1) {
        expect(res.status).toBe(429);
        expectSecureHeaders('429 problem', res.headers);
      }
    }

    const misconfigured = { ...env, SECRETS_KEY: '' };
    const ctx = createExecutionContext();
    const unavailable = await limitedApp.fetch(new Request(`${BASE}/healthz`), misconfigured, ctx);
    await waitOnExecutionContext(ctx);
    expect(unavailable.status).toBe(503);
    expectSecureHeaders('503 problem', unavailable.headers);
  });
});
