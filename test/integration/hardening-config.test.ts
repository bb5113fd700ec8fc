import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { ADMIN_TOKEN, BASE } from '../fixtures/app';
import { merchantWithAccount } from '../fixtures/merchant';

/*
 * Issue 13, finding 4: a missing SECRETS_KEY failed silently (/healthz ok, then bare 500s), an unset
 * ADMIN_TOKEN answered "Invalid admin token". Both are checked before any route: a bad one makes /healthz
 * and every route a 503 problem naming the variable, never its value (CONTRACT §1).
 */

const app = createApp();
const good = env;
let merchant: Awaited<ReturnType<typeof merchantWithAccount>>;
beforeAll(async () => {
  merchant = await merchantWithAccount();
});

async function fetchWith(bindings: Env, path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

const json = { 'content-type': 'application/json' };
const routes = (): [string, RequestInit][] => [
  ['/healthz', {}],
  ['/v1/orders', { headers: { authorization: `Bearer ${merchant.apiKey}` } }],
  ['/v1/provider-accounts', { method: 'POST', headers: { authorization: `Bearer ${merchant.apiKey}`, ...json }, body: '{}' }],
  ['/v1/admin/merchants', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...json }, body: '{}' }],
  [`/hooks/casso/${merchant.direct.id}`, { method: 'POST', headers: json, body: '{}' }],
  ['/qr.svg?bank=970436&account=0123456789', {}],
  ['/openapi.json', {}],
];

describe('configuration is checked before any route', () => {
  const bad: [string, Partial<Env>, string][] = [
    ['SECRETS_KEY missing', { SECRETS_KEY: undefined as unknown as string }, 'SECRETS_KEY'],
    ['SECRETS_KEY empty', { SECRETS_KEY: '' }, 'SECRETS_KEY'],
    ['SECRETS_KEY not base64', { SECRETS_KEY: 'not base64 at all!' }, 'SECRETS_KEY'],
    ['SECRETS_KEY of 16 bytes', { SECRETS_KEY: btoa('sixteen-bytes-ok') }, 'SECRETS_KEY'],
    ['SECRETS_KEY of 33 bytes', { SECRETS_KEY: btoa('x'.repeat(33)) }, 'SECRETS_KEY'],
    ['ADMIN_TOKEN missing', { ADMIN_TOKEN: undefined as unknown as string }, 'ADMIN_TOKEN'],
    ['ADMIN_TOKEN of 31 characters', { ADMIN_TOKEN: 'a'.repeat(31) }, 'ADMIN_TOKEN'],
    ['ADMIN_TOKEN with a space', { ADMIN_TOKEN: `${'a'.repeat(20)} ${'b'.repeat(20)}` }, 'ADMIN_TOKEN'],
  ];

  it.each(bad)('%s: /healthz and every route are a 503 problem naming it, never its value', async (_label, change, variable) => {
    const bindings = { ...good, ...change };
    for (const [path, init] of routes()) {
      const res = await fetchWith(bindings, path, init);
      expect(res.status, path).toBe(503);
      expect(res.type, path).toBe('application/problem+json');
      const problem = JSON.parse(res.text);
      expect(problem).toMatchObject({ status: 503, title: 'Service Unavailable' });
      expect(problem.detail).toContain(variable);
      const value = Object.values(change)[0];
      if (value) expect(res.text, path).not.toContain(value);
    }
  });

  it('both bad: both named', async () => {
    const res = await fetchWith({ ...good, SECRETS_KEY: '', ADMIN_TOKEN: '' }, '/healthz');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text).detail).toMatch(/SECRETS_KEY.*ADMIN_TOKEN/);
  });

  it('good ones (32 bytes; 32 characters) serve as usual', async () => {
    const bindings = { ...good, SECRETS_KEY: btoa('k'.repeat(32)), ADMIN_TOKEN: 'a'.repeat(32) };
    expect(await fetchWith(bindings, '/healthz')).toMatchObject({ status: 200, text: '{"ok":true}' });
    const res = await fetchWith(bindings, '/v1/admin/merchants', {
      method: 'POST',
      headers: { authorization: `Bearer ${'a'.repeat(32)}`, ...json },
      body: JSON.stringify({ name: 'Config Shop', mode: 'test' }),
    });
    expect(res.status).toBe(201);
  });
});
