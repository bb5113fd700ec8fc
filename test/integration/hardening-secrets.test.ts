import { runDurableObjectAlarm } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_TOKEN, BASE, worker } from '../fixtures/app';
import { FAKE_ACCOUNTS, installFakeProvider } from '../fixtures/fake-provider';
import { ledgerOfOrder } from '../fixtures/ledger';

/*
 * A scripted life of a merchant (keys, an account of every provider with known credentials, orders,
 * callbacks, an endpoint, deliveries, a rotation), with every response (status line, headers, body) and
 * every console line captured. Each known secret may appear only in the responses that exist to hand it
 * out, and never in a log; full account numbers never in a log.
 */

const HOOK = 'https://merchant.example/secrets-hook';
const hex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

interface Recorded {
  label: string;
  text: string;
}
const responses: Recorded[] = [];
const logs: string[] = [];
const delivered: string[] = [];

async function req(label: string, method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await worker.fetch(`${BASE}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const body = await res.text();
  const head = [...res.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  responses.push({ label, text: `${res.status}\n${head}\n\n${body}` });
  let json: any = null;
  try {
    json = JSON.parse(body);
  } catch {}
  return { status: res.status, json };
}

beforeAll(() => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    });
  }
  // The QR-creating providers (checking the credentials they are sent) plus the merchant's endpoint.
  installFakeProvider();
  const providers = vi.mocked(globalThis.fetch).getMockImplementation()!;
  vi.mocked(globalThis.fetch).mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(HOOK)) return providers(input, init);
    delivered.push(`${[...request.headers].map(([n, v]) => `${n}: ${v}`).join('\n')}\n\n${await request.text()}`);
    return new Response('ok');
  });
});
afterAll(() => vi.restoreAllMocks());

describe('secrets never leak into responses or logs', () => {
  it('a scripted flow from merchant creation to key rotation', async () => {
    // Admin: the raw API key is in the creating response and nowhere else.
    const merchant = (
      await req('create merchant', 'POST', '/v1/admin/merchants', { token: ADMIN_TOKEN, body: { name: 'Secret Shop', mode: 'test' } })
    ).json;
    const key = merchant.apiKey as string;
    const secondKey = (await req('create api key', 'POST', `/v1/admin/merchants/${merchant.id}/api-keys`, { token: ADMIN_TOKEN })).json
      .apiKey as string;
    const api = (label: string, method: string, path: string, body?: unknown) => req(label, method, path, { token: key, body });

    // Provider accounts of every kind, with known credentials.
    const bankAccount = String(1_000_000_000 + Math.floor(Math.random() * 8e9));
    const bank = { bank: '970436', accountNumber: bankAccount, accountName: 'SECRET SHOP' };
    const own = { casso: `casso-ck-${hex(16)}`, sepayKey: `sepay-key-${hex(16)}`, sepaySecret: `sepay-whsec-${hex(16)}` };
    const bodies = [
      { provider: 'direct', ...bank },
      { provider: 'casso', checksumKey: own.casso, ...bank },
      { provider: 'sepay', apiKey: own.sepayKey, webhookSecret: own.sepaySecret, ...bank },
      FAKE_ACCOUNTS.bankhub,
      FAKE_ACCOUNTS.vietqr,
      FAKE_ACCOUNTS.tingee,
      FAKE_ACCOUNTS.payos,
    ];
    const accounts: Record<string, string> = {};
    for (const body of bodies) {
      const created = await api(`create ${body.provider} account`, 'POST', '/v1/provider-accounts', body);
      expect(created.status, body.provider).toBe(201);
      accounts[body.provider] = created.json.id;
    }
    await api('list accounts', 'GET', '/v1/provider-accounts?limit=100');
    for (const [provider, id] of Object.entries(accounts)) await api(`get ${provider} account`, 'GET', `/v1/provider-accounts/${id}`);

    // Endpoint: its secret is handed out on creation and by /secret only.
    const endpoint = (await api('create endpoint', 'POST', '/v1/endpoints', { url: HOOK, eventTypes: null })).json;
    const firstSecret = endpoint.secret as string;
    expect((await api('get secret', 'GET', `/v1/endpoints/${endpoint.id}/secret`)).json.secret).toBe(firstSecret);
    await api('get endpoint', 'GET', `/v1/endpoints/${endpoint.id}`);
    await api('list endpoints', 'GET', '/v1/endpoints');

    // Orders on every QR-creating account (the fake providers check the stored credentials).
    const orders: Record<string, { id: string; paymentCode: string }> = {};
    for (const provider of ['direct', 'bankhub', 'vietqr', 'tingee', 'payos']) {
      const created = await api(`create ${provider} order`, 'POST', '/v1/orders', {
        amount: provider === 'direct' ? 100_000 : 60_000,
        reference: `S-${provider}-${hex(4)}`,
        providerAccountId: accounts[provider],
      });
      expect(created.status, provider).toBe(201);
      orders[provider] = created.json;
    }
    await api('list orders', 'GET', '/v1/orders?limit=100');
    await api('refresh payOS order (its lookup fails at the fake)', 'GET', `/v1/orders/${orders.payos!.id}?refresh=true`);

    // Callbacks of every callback provider, signed with the stored credentials, through the real hooks.
    for (const provider of ['casso', 'sepay', 'tingee', 'payos', 'bankhub', 'vietqr']) {
      const sent = await api(`sandbox ${provider} callback`, 'POST', `/v1/sandbox/provider-accounts/${accounts[provider]}/callback`, {
        amount: 10_000,
        content: `TT ${orders.direct!.paymentCode}`,
      });
      expect(sent.status, `${provider}: ${JSON.stringify(sent.json)}`).toBe(202);
    }
    const directStub = await ledgerOfOrder(orders.direct!.id);
    await runDurableObjectAlarm(directStub);

    // Rotation: the new secret is in its answer and in /secret; the old one is gone from both.
    const rotated = (await api('rotate secret', 'POST', `/v1/endpoints/${endpoint.id}/rotate-secret`, {})).json.secret as string;
    expect((await api('get secret after rotation', 'GET', `/v1/endpoints/${endpoint.id}/secret`)).json.secret).toBe(rotated);
    expect((await api('sandbox pay after rotation', 'POST', `/v1/sandbox/orders/${orders.direct!.id}/pay`, {})).status).toBe(202);
    await runDurableObjectAlarm(directStub);
    expect(delivered.length).toBeGreaterThan(0);

    // Everything readable afterwards.
    const events = (await api('list events', 'GET', '/v1/events?limit=100')).json.data as { id: string }[];
    for (const event of events) await api('event attempts', 'GET', `/v1/events/${event.id}/attempts`);
    await api('order payments', 'GET', `/v1/orders/${orders.direct!.id}/payments`);
    await api('payments', 'GET', '/v1/payments?limit=100');
    await req('openapi', 'GET', '/openapi.json');
    await req('checkout page', 'GET', `/pay/${orders.direct!.id}`);

    // The checks.
    const basic = (user: string, password: string) => btoa(`${user}:${password}`);
    const providerSecrets = [
      own.casso,
      own.sepayKey,
      own.sepaySecret,
      FAKE_ACCOUNTS.bankhub.secretKey,
      FAKE_ACCOUNTS.bankhub.accessToken,
      FAKE_ACCOUNTS.vietqr.password,
      FAKE_ACCOUNTS.vietqr.callbackPassword,
      basic(FAKE_ACCOUNTS.vietqr.username, FAKE_ACCOUNTS.vietqr.password),
      basic(FAKE_ACCOUNTS.vietqr.callbackUsername, FAKE_ACCOUNTS.vietqr.callbackPassword),
      FAKE_ACCOUNTS.tingee.secretToken,
      FAKE_ACCOUNTS.payos.apiKey,
      FAKE_ACCOUNTS.payos.checksumKey,
      ADMIN_TOKEN,
    ];
    const allowed: [string, string[]][] = [
      [key, ['create merchant']],
      [secondKey, ['create api key']],
      [firstSecret, ['create endpoint', 'get secret']],
      [firstSecret.replace(/^whsec_/, ''), ['create endpoint', 'get secret']],
      [rotated, ['rotate secret', 'get secret after rotation']],
      [rotated.replace(/^whsec_/, ''), ['rotate secret', 'get secret after rotation']],
      ...providerSecrets.map((secret): [string, string[]] => [secret, []]),
    ];
    expect(responses.length).toBeGreaterThan(40);
    for (const [secret, where] of allowed) {
      const seenIn = [...new Set(responses.filter((r) => r.text.includes(secret)).map((r) => r.label))];
      expect(seenIn.sort(), `where a secret (${secret.slice(0, 6)}…) appeared`).toEqual([...where].sort());
      expect(
        delivered.filter((d) => d.includes(secret)),
        'a delivery carried a secret',
      ).toEqual([]);
    }
    expect(logs.length).toBeGreaterThan(5);
    for (const [secret] of allowed)
      expect(
        logs.filter((line) => line.includes(secret)),
        `a log line carried a secret (${secret.slice(0, 6)}…)`,
      ).toEqual([]);
    for (const account of [bankAccount, FAKE_ACCOUNTS.vietqr.bankAccount, FAKE_ACCOUNTS.tingee.accountNumber]) {
      expect(
        logs.filter((line) => line.includes(account)),
        `a log line carried account number ${account}`,
      ).toEqual([]);
    }
  });
});
