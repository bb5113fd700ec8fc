import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { BASE } from '../fixtures/app';
import { FAKE_ACCOUNTS, FAKE_BASE, installFakeProvider } from '../fixtures/fake-provider';
import { newMerchant } from '../fixtures/merchant';
import { interceptFetch } from '../fixtures/outbound-fetch';

/*
 * Issue 13, finding 2: SSRF through `baseUrl`. A provider baseUrl follows the endpoint URL policy exactly
 * (CONTRACT §3, §5): on create, on PATCH, for BankHub linking, and again at send time; and what an
 * unexpected server answers never reaches the merchant beyond its HTTP status. The worker under test runs
 * with ALLOW_PRIVATE_ENDPOINTS=false.
 */

/** Every private, loopback, link-local and metadata form the endpoint policy refuses, as a provider host. */
const REFUSED = [
  'http://api.example.com/v2',
  'https://127.0.0.1:8443/admin/export?path=',
  'https://2130706433/',
  'https://0x7f.0.0.1/',
  'https://0177.0.0.1/',
  'https://127.1/',
  'https://10.0.0.1/',
  'https://192.168.1.1./',
  'https://172.16.0.1/',
  'https://100.64.0.1/',
  'https://169.254.169.254/latest/meta-data/',
  'https://[::1]/',
  'https://[::ffff:127.0.0.1]/',
  'https://[fe80::1]/',
  'https://[fd12:3456::1]/',
  'https://localhost/',
  'https://api.localhost/',
  'https://metadata.google.internal/',
  'https://db.internal/',
  'https://printer.local/',
  'https://intranet/',
  'ftp://api.example.com/',
  'file:///etc/passwd',
  'javascript:alert(1)',
];

let fake: ReturnType<typeof installFakeProvider>;
beforeEach(() => {
  fake = installFakeProvider();
});
afterEach(() => fake.restore());

const payosBody = (baseUrl: string) => ({ ...FAKE_ACCOUNTS.payos, baseUrl });
const paths = (res: { body: { errors?: { path: string }[] } }) => (res.body.errors ?? []).map((e) => e.path);

describe('a provider baseUrl follows the endpoint URL policy', () => {
  it('on create: each refused form is 422 naming baseUrl, and creates nothing', async () => {
    const merchant = await newMerchant();
    for (const baseUrl of REFUSED) {
      const res = await merchant.api('POST', '/v1/provider-accounts', { ...payosBody(baseUrl), label: 'refused' });
      expect(res.status, baseUrl).toBe(422);
      expect(paths(res), baseUrl).toEqual(['baseUrl']);
    }
    const listed = (await merchant.api('GET', '/v1/provider-accounts?limit=100')).body.data as { label: string | null }[];
    expect(listed.filter((a) => a.label === 'refused')).toEqual([]);
  });

  it('on PATCH: each refused form is 422 naming baseUrl and changes nothing; a public https host is taken', async () => {
    const merchant = await newMerchant();
    const account = await merchant.account(FAKE_ACCOUNTS.payos);
    for (const baseUrl of REFUSED) {
      const res = await merchant.api('PATCH', `/v1/provider-accounts/${account.id}`, { label: 'must not stick', baseUrl });
      expect(res.status, baseUrl).toBe(422);
      expect(paths(res), baseUrl).toEqual(['baseUrl']);
    }
    expect((await merchant.api('GET', `/v1/provider-accounts/${account.id}`)).body.label).toBeNull();
    // Orders still go to the stored host.
    expect(
      (await merchant.api('POST', '/v1/orders', { amount: 10_000, reference: 'POLICY-1', providerAccountId: account.id })).status,
    ).toBe(201);
    expect(fake.qrRequests()).toHaveLength(1);
    const moved = await merchant.api('PATCH', `/v1/provider-accounts/${account.id}`, { baseUrl: 'https://api-merchant.payos.example/' });
    expect(moved.status).toBe(200);
  });

  it('for BankHub linking: link and exchange refuse the same forms', async () => {
    const merchant = await newMerchant();
    for (const baseUrl of ['https://169.254.169.254/', 'https://10.0.0.1/', 'http://bankhub.example/']) {
      const link = await merchant.api('POST', '/v1/provider-accounts/bankhub/link', {
        clientId: 'bh-client',
        secretKey: 'bh-secret',
        redirectUri: 'https://shop.example/linked',
        baseUrl,
      });
      expect([link.status, paths(link)], baseUrl).toEqual([422, ['baseUrl']]);
      const exchange = await merchant.api('POST', '/v1/provider-accounts/bankhub/exchange', {
        clientId: 'bh-client',
        secretKey: 'bh-secret',
        publicToken: 'public-ok',
        baseUrl,
      });
      expect([exchange.status, paths(exchange)], baseUrl).toEqual([422, ['baseUrl']]);
    }
    expect(fake.seen).toHaveLength(0);
  });

  it('at send time: an account stored with a private baseUrl (ALLOW_PRIVATE_ENDPOINTS was true) calls nothing now', async () => {
    const merchant = await newMerchant();
    const lax = { ...env, ALLOW_PRIVATE_ENDPOINTS: 'true' };
    const ctx = createExecutionContext();
    const created = await createApp().fetch(
      new Request(`${BASE}/v1/provider-accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${merchant.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(payosBody('http://10.0.0.7:8080/')),
      }),
      lax,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string };
    const res = await merchant.api('POST', '/v1/orders', { amount: 10_000, reference: 'POLICY-2', providerAccountId: account.id });
    expect(res.status).toBe(502);
    expect(res.body.detail).toContain('URL_REFUSED');
    expect(fake.seen).toHaveLength(0);
    expect((await merchant.api('GET', '/v1/orders?reference=POLICY-2')).body.data).toEqual([]);
  });
});

describe('what an unexpected server answers never reaches the merchant', () => {
  const INTERNAL = 'root:x:0:0:INTERNAL-EXPORT-DATA /etc/shadow api_key=sk_live_internal';

  it.each([
    ['200 text', () => new Response(INTERNAL, { status: 200 })],
    ['500 text', () => new Response(INTERNAL, { status: 500 })],
    ['404 HTML', () => new Response(`<html><body>${INTERNAL}</body></html>`, { status: 404 })],
    ['200 JSON in no provider format', () => Response.json({ export: INTERNAL })],
    ['400 JSON with a huge "desc"', () => Response.json({ code: '99', desc: `${'x'.repeat(1_000)} ${INTERNAL}` }, { status: 400 })],
  ])('%s: a 502 naming at most the status or the provider code, truncated', async (_label, answer) => {
    fake.restore();
    const outbound = interceptFetch({ '*': () => answer() });
    const merchant = await newMerchant();
    const account = await merchant.account({ ...payosBody(`${FAKE_BASE}/admin/export?path=`) });
    const res = await merchant.api('POST', '/v1/orders', { amount: 10_000, reference: 'LEAK-1', providerAccountId: account.id });
    expect(res.status).toBe(502);
    expect(res.text).not.toContain('INTERNAL-EXPORT-DATA');
    expect(res.body.detail.length).toBeLessThan(300);
    expect(outbound.log.length).toBeGreaterThan(0);
    outbound.restore();
  });
});
