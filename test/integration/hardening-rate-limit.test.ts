import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { ADMIN_TOKEN, BASE, call } from '../fixtures/app';
import { merchantWithAccount } from '../fixtures/merchant';

// The app under small limits: the same code, with Rate Limiting bindings of 5 and 4 a minute (vitest.config.ts)
// in place of the deployed 6000s.
const app = createApp();
const testLimits = env;
const limited = {
  ...env,
  API_RATE_LIMIT: testLimits.TEST_RATE_LIMIT_5,
  PUBLIC_RATE_LIMIT: testLimits.TEST_RATE_LIMIT_4,
};

async function send(path: string, init: RequestInit = {}, bindings: object = limited) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => null)) as any };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const fromIp = (ip: string) => ({ 'cf-connecting-ip': ip });

// Windows are whole minutes: a test that would straddle a boundary waits for the next window first.
beforeEach(async () => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 8_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
});

function expect429(res: Awaited<ReturnType<typeof send>>) {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ status: 429, title: 'Too Many Requests', type: expect.any(String), detail: expect.any(String) });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('abuse limits', () => {
  it('per API key on /v1/*: the 6th request in a minute is 429 with Retry-After; other keys are unaffected', async () => {
    const merchant = await merchantWithAccount();
    // A fresh key: the one merchantWithAccount used has already been counted.
    const key = (await call('POST', `/v1/admin/merchants/${merchant.id}/api-keys`, { token: ADMIN_TOKEN })).body.apiKey as string;
    const otherKey = (await call('POST', `/v1/admin/merchants/${merchant.id}/api-keys`, { token: ADMIN_TOKEN })).body.apiKey as string;
    for (let i = 0; i < 5; i++) expect((await send('/v1/orders', { headers: bearer(key) })).status).toBe(200);
    expect429(await send('/v1/orders', { headers: bearer(key) }));
    // Writes are refused before their body is read: nothing is created.
    const refused = await send('/v1/orders', {
      method: 'POST',
      headers: { ...bearer(key), 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 10_000, reference: 'RATE-1', providerAccountId: merchant.direct.id }),
    });
    expect429(refused);
    expect((await merchant.api('GET', '/v1/orders?reference=RATE-1')).body.data).toEqual([]);
    expect((await send('/v1/orders', { headers: bearer(otherKey) })).status).toBe(200);
  });

  it('per client IP on the public pages and /v1/qr/*; an IPv6 /64 counts as one client', async () => {
    const merchant = await merchantWithAccount();
    const order = await merchant.order();
    const paths = [`/pay/${order.id}`, `/pay/${order.id}/status`, `/qr/${order.id}.svg`, '/qr.svg?bank=970436&account=0123456789'];
    for (const path of paths) expect((await send(path, { headers: fromIp('203.0.113.7') })).status).not.toBe(429);
    expect429(await send(`/pay/${order.id}/status`, { headers: fromIp('203.0.113.7') }));
    expect429(
      await send('/v1/qr/decode', {
        method: 'POST',
        headers: { ...fromIp('203.0.113.7'), 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect((await send(`/pay/${order.id}/status`, { headers: fromIp('203.0.113.8') })).status).toBe(200);

    for (let i = 0; i < 4; i++)
      expect((await send(`/pay/${order.id}/status`, { headers: fromIp(`2001:db8:1:2::${i + 1}`) })).status).toBe(200);
    expect429(await send(`/pay/${order.id}/status`, { headers: fromIp('2001:db8:1:2:ffff::9') }));
    expect((await send(`/pay/${order.id}/status`, { headers: fromIp('2001:db8:1:3::1') })).status).toBe(200);
  });

  it('the client is CF-Connecting-IP alone (issue 13, finding 6): X-Forwarded-For and the like never split or merge clients', async () => {
    const merchant = await merchantWithAccount();
    const order = await merchant.order();
    const spoofed = (i: number) => ({ 'x-forwarded-for': `10.9.8.${i}`, 'x-real-ip': `10.9.7.${i}`, 'true-client-ip': `10.9.6.${i}` });
    for (let i = 0; i < 4; i++) {
      expect((await send(`/pay/${order.id}/status`, { headers: { ...fromIp('203.0.113.61'), ...spoofed(i) } })).status).toBe(200);
    }
    expect429(await send(`/pay/${order.id}/status`, { headers: { ...fromIp('203.0.113.61'), ...spoofed(9) } }));
    // One forwarded-for value, several real clients: each is counted on its own.
    for (let i = 0; i < 5; i++) {
      expect((await send(`/pay/${order.id}/status`, { headers: { ...fromIp(`203.0.113.${70 + i}`), ...spoofed(1) } })).status).toBe(200);
    }
  });

  it('callbacks, admin and requests without a known client address are not limited', async () => {
    const merchant = await merchantWithAccount();
    const order = await merchant.order();
    for (let i = 0; i < 8; i++) {
      expect((await send(`/pay/${order.id}/status`)).status).toBe(200);
      expect((await send('/v1/admin/merchants', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status).not.toBe(
        429,
      );
      expect(
        (await send(`/hooks/casso/${merchant.direct.id}`, { method: 'POST', headers: fromIp('198.51.100.1'), body: '{}' })).status,
      ).not.toBe(429);
    }
  });

  it('the deployed limits are generous (6000 a minute), and RATE_LIMITS=off turns them off', async () => {
    const merchant = await merchantWithAccount();
    const off = { ...limited, RATE_LIMITS: 'off' };
    for (let i = 0; i < 8; i++) expect((await send('/v1/orders', { headers: bearer(merchant.apiKey) }, off)).status).toBe(200);
    // The deployed configuration (the worker under test, wrangler.toml's bindings): a burst of 20 is nowhere near it.
    for (let i = 0; i < 20; i++) expect((await call('GET', '/v1/orders', { token: merchant.apiKey })).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      expect((await call('GET', '/qr.svg?bank=970436&account=0123456789', { headers: fromIp('203.0.113.200') })).status).toBe(200);
    }
  });
});
