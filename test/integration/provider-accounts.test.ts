import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, call } from '../fixtures/app';
import { FAKE_ACCOUNTS, installFakeProvider } from '../fixtures/fake-provider';
import { newMerchant, type TestMerchant } from '../fixtures/merchant';
import { DIRECT_ACCOUNT } from '../fixtures/shapes';

const db = env.DB;
const NAME = 'CONG TY TNHH KIEM THU';

/** A valid body per provider, with a distinct secret in every credential field. */
const BODIES: Record<string, Record<string, string>> = {
  direct: { bank: 'VCB', accountNumber: '1017595600', accountName: NAME },
  bankhub: { clientId: 'bh-client', secretKey: 'SECRET-bh-secretKey', accessToken: 'SECRET-bh-accessToken' },
  vietqr: {
    username: 'vqr-user',
    password: 'SECRET-vqr-password',
    bankCode: 'MB',
    bankAccount: '0123456789',
    userBankName: 'NGUYEN VAN A',
    callbackUsername: 'cb-user',
    callbackPassword: 'SECRET-vqr-callbackPassword',
  },
  tingee: { clientId: 'tg-client', secretToken: 'SECRET-tg-secretToken', bankName: 'MBB', accountNumber: '0123456789' },
  payos: { clientId: 'po-client', apiKey: 'SECRET-po-apiKey', checksumKey: 'SECRET-po-checksumKey' },
  casso: { checksumKey: 'SECRET-casso-checksumKey', bank: '970436', accountNumber: '1017595600', accountName: NAME },
  sepay: {
    apiKey: 'SECRET-sepay-apiKey',
    webhookSecret: 'SECRET-sepay-webhookSecret',
    bank: 'MB',
    accountNumber: '0123456789',
    accountName: NAME,
  },
};

type Bank = { bin: string; shortName: string; accountNumber: string; accountName: string | null } | null;
const EXPECTED: Record<string, { createsQr: boolean; bank: Bank; urls: (id: string) => Record<string, string | RegExp> }> = {
  direct: {
    createsQr: true,
    bank: { bin: '970436', shortName: 'VCB', accountNumber: '1017595600', accountName: NAME },
    urls: () => ({}),
  },
  bankhub: { createsQr: true, bank: null, urls: (id) => ({ transactions: new RegExp(`^${BASE}/hooks/bankhub/${id}/[0-9a-z]{26,}$`) }) },
  vietqr: {
    createsQr: true,
    bank: { bin: '970422', shortName: 'MB', accountNumber: '0123456789', accountName: 'NGUYEN VAN A' },
    urls: (id) => ({
      base: `${BASE}/hooks/vietqr/${id}`,
      tokenGenerate: `${BASE}/hooks/vietqr/${id}/api/token_generate`,
      transactionSync: `${BASE}/hooks/vietqr/${id}/bank/api/transaction-sync`,
    }),
  },
  tingee: {
    createsQr: true,
    bank: { bin: '970422', shortName: 'MB', accountNumber: '0123456789', accountName: null },
    urls: (id) => ({ notification: `${BASE}/hooks/tingee/${id}` }),
  },
  payos: { createsQr: true, bank: null, urls: (id) => ({ webhook: `${BASE}/hooks/payos/${id}` }) },
  casso: {
    createsQr: false,
    bank: { bin: '970436', shortName: 'VCB', accountNumber: '1017595600', accountName: NAME },
    urls: (id) => ({ webhook: `${BASE}/hooks/casso/${id}` }),
  },
  sepay: {
    createsQr: false,
    bank: { bin: '970422', shortName: 'MB', accountNumber: '0123456789', accountName: NAME },
    urls: (id) => ({ webhook: `${BASE}/hooks/sepay/${id}` }),
  },
};

const secretsOf = (body: Record<string, string>) => Object.values(body).filter((value) => value.startsWith('SECRET-'));

let merchant: TestMerchant;
beforeAll(async () => {
  merchant = await newMerchant();
});

describe('POST /v1/provider-accounts', () => {
  for (const provider of Object.keys(BODIES)) {
    it(`${provider}: 201 with createsQr and its webhook URLs; credentials are sealed and never echoed`, async () => {
      const body = { provider, label: `my ${provider}`, ...BODIES[provider] };
      const created = await merchant.api('POST', '/v1/provider-accounts', body);
      expect(created.status).toBe(201);
      const { id } = created.body;
      const expected = EXPECTED[provider]!;
      expect(Object.keys(created.body).sort()).toEqual([
        'bank',
        'createdAt',
        'createsQr',
        'id',
        'label',
        'object',
        'provider',
        'webhookUrls',
      ]);
      expect(created.body.bank).toEqual(expected.bank);
      expect(created.body).toMatchObject({
        id: expect.stringMatching(/^pa_[0-9a-z]{26}$/),
        object: 'provider_account',
        provider,
        label: `my ${provider}`,
        createsQr: expected.createsQr,
      });
      const urls = expected.urls(id);
      expect(Object.keys(created.body.webhookUrls).sort()).toEqual(Object.keys(urls).sort());
      for (const [key, url] of Object.entries(urls)) {
        if (typeof url === 'string') expect(created.body.webhookUrls[key]).toBe(url);
        else expect(created.body.webhookUrls[key]).toMatch(url);
      }

      const fetched = await merchant.api('GET', `/v1/provider-accounts/${id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(created.body);
      const row = await db
        .prepare('SELECT config, credentials FROM provider_accounts WHERE id = ?')
        .bind(id)
        .first<{ config: string; credentials: string }>();
      for (const secret of secretsOf(BODIES[provider]!)) {
        expect(created.text).not.toContain(secret);
        expect(fetched.text).not.toContain(secret);
        expect(`${row?.config}${row?.credentials}`).not.toContain(secret);
      }
    });
  }

  it('bankhub: every account gets its own secret URL token', async () => {
    const first = await merchant.account({ provider: 'bankhub', ...BODIES.bankhub });
    const second = await merchant.account({ provider: 'bankhub', ...BODIES.bankhub });
    const token = (url = '') => url.split('/').at(-1);
    expect(token(first.webhookUrls.transactions)).not.toBe(token(second.webhookUrls.transactions));
  });

  it('label is optional (null)', async () => {
    const created = await merchant.account(DIRECT_ACCOUNT);
    expect((created as unknown as { label: unknown }).label).toBeNull();
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['unknown provider', { ...DIRECT_ACCOUNT, provider: 'momo' }, 'provider'],
    ['missing provider', { bank: 'VCB', accountNumber: '1', accountName: 'A' }, 'provider'],
    ['missing accountNumber', { provider: 'direct', bank: 'VCB', accountName: 'A' }, 'accountNumber'],
    ['unknown field', { ...DIRECT_ACCOUNT, color: 'red' }, 'color'],
    ['a field of another provider', { ...DIRECT_ACCOUNT, checksumKey: 'x' }, 'checksumKey'],
    ['unknown bank', { ...DIRECT_ACCOUNT, bank: 'NOPE BANK' }, 'bank'],
    ['unknown bank (casso)', { provider: 'casso', ...BODIES.casso, bank: '999999' }, 'bank'],
    ['bad account number', { ...DIRECT_ACCOUNT, accountNumber: '12 34' }, 'accountNumber'],
    ['baseUrl not http(s)', { ...DIRECT_ACCOUNT, baseUrl: 'ftp://example.com' }, 'baseUrl'],
    ['baseUrl relative', { provider: 'payos', ...BODIES.payos, baseUrl: '/v2' }, 'baseUrl'],
    ['sepay without apiKey or webhookSecret', { provider: 'sepay', bank: 'MB', accountNumber: '1', accountName: 'A' }, 'apiKey'],
    ['empty credential', { provider: 'payos', ...BODIES.payos, apiKey: '' }, 'apiKey'],
    // Callback secrets under 16 characters (issue 13, finding 3: a 1-character callbackPassword was accepted).
    ['a 15-character casso checksumKey', { provider: 'casso', ...BODIES.casso, checksumKey: 'x'.repeat(15) }, 'checksumKey'],
    ['a 15-character payos checksumKey', { provider: 'payos', ...BODIES.payos, checksumKey: 'x'.repeat(15) }, 'checksumKey'],
    ['a 15-character sepay apiKey', { provider: 'sepay', ...BODIES.sepay, apiKey: 'x'.repeat(15) }, 'apiKey'],
    ['a 15-character sepay webhookSecret', { provider: 'sepay', ...BODIES.sepay, webhookSecret: 'x'.repeat(15) }, 'webhookSecret'],
    ['a 1-character vietqr callbackPassword', { provider: 'vietqr', ...BODIES.vietqr, callbackPassword: 'x' }, 'callbackPassword'],
  ];
  for (const [label, body, path] of invalid) {
    it(`422 naming ${path}: ${label}; nothing stored`, async () => {
      const before = await db.prepare('SELECT count(*) AS n FROM provider_accounts').first<{ n: number }>();
      const res = await merchant.api('POST', '/v1/provider-accounts', body);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      const after = await db.prepare('SELECT count(*) AS n FROM provider_accounts').first<{ n: number }>();
      expect(after?.n).toBe(before?.n);
    });
  }

  it('16 characters are enough for a callback secret', async () => {
    for (const [provider, field] of [
      ['casso', 'checksumKey'],
      ['payos', 'checksumKey'],
      ['sepay', 'apiKey'],
      ['sepay', 'webhookSecret'],
      ['vietqr', 'callbackPassword'],
    ] as const) {
      const res = await merchant.api('POST', '/v1/provider-accounts', { provider, ...BODIES[provider], [field]: 'y'.repeat(16) });
      expect(res.status, `${provider} ${field}`).toBe(201);
    }
  });

  it('vietqr: a callbackPassword left out is generated (128 bits), shown once in the 201, and verifies token_generate', async () => {
    const { callbackPassword: _, ...body } = BODIES.vietqr!;
    const res = await merchant.api('POST', '/v1/provider-accounts', { provider: 'vietqr', ...body });
    expect(res.status).toBe(201);
    const generated = res.body.generatedCredentials?.callbackPassword as string;
    expect(generated).toMatch(/^[0-9a-z]{26}$/); // 26 base32 characters: 130 bits, 128 of them random
    expect(res.body).not.toHaveProperty('callbackPassword');
    const shown = [
      (await merchant.api('GET', `/v1/provider-accounts/${res.body.id}`)).text,
      (await merchant.api('GET', '/v1/provider-accounts?limit=100')).text,
    ];
    for (const text of shown) expect(text).not.toContain(generated);
    const token = await call('POST', `/hooks/vietqr/${res.body.id}/api/token_generate`, {
      headers: { authorization: `Basic ${btoa(`${body.callbackUsername}:${generated}`)}` },
      body: '{}',
    });
    expect(token.status).toBe(200);
    // Given, it is not echoed back.
    const given = await merchant.api('POST', '/v1/provider-accounts', { provider: 'vietqr', ...BODIES.vietqr });
    expect(given.body).not.toHaveProperty('generatedCredentials');
  });

  it('sepay accepts only one of its two secrets', async () => {
    const { apiKey, webhookSecret, ...rest } = BODIES.sepay!;
    expect((await merchant.api('POST', '/v1/provider-accounts', { provider: 'sepay', ...rest, apiKey })).status).toBe(201);
    expect((await merchant.api('POST', '/v1/provider-accounts', { provider: 'sepay', ...rest, webhookSecret })).status).toBe(201);
  });
});

describe('GET list and DELETE', () => {
  it('lists newest first across cursor pages, and rejects bad limits and cursors', async () => {
    const shop = await newMerchant();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await shop.account({ ...DIRECT_ACCOUNT, label: `n${i}` })).id);
    const first = await shop.api('GET', '/v1/provider-accounts?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.data.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await shop.api('GET', `/v1/provider-accounts?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toEqual({ data: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=garbage']) {
      const res = await shop.api('GET', `/v1/provider-accounts?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.errors[0].path).toBe(query.split('=')[0]);
    }
  });

  it('DELETE is 204, then the account is gone (404, unlisted) while its orders keep their history', async () => {
    const shop = await newMerchant();
    const account = await shop.account();
    const order = await shop.order({ providerAccountId: account.id });
    expect((await shop.api('DELETE', `/v1/provider-accounts/${account.id}`)).status).toBe(204);
    expect((await shop.api('GET', `/v1/provider-accounts/${account.id}`)).status).toBe(404);
    expect((await shop.api('DELETE', `/v1/provider-accounts/${account.id}`)).status).toBe(404);
    expect((await shop.api('GET', '/v1/provider-accounts')).body.data).toEqual([]);
    const kept = await shop.api('GET', `/v1/orders/${order.id}`);
    expect(kept.body).toEqual(order);
    // …and it can no longer be used for new orders
    const res = await shop.api('POST', '/v1/orders', { amount: 1000, reference: 'AFTER-DELETE', providerAccountId: account.id });
    expect(res.status).toBe(422);
  });
});

describe('PATCH', () => {
  it('changes the label and credentials, strictly per provider; 404 for unknown, deleted or another merchant’s', async () => {
    const shop = await newMerchant();
    const other = await newMerchant();
    const casso = await shop.account({ provider: 'casso', ...BODIES.casso });
    const patched = await shop.api('PATCH', `/v1/provider-accounts/${casso.id}`, {
      label: 'Main feed',
      checksumKey: 'SECRET-casso-rotated-key',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({ ...casso, label: 'Main feed' });
    expect(patched.text).not.toContain('SECRET-casso-rotated-key');
    expect((await shop.api('GET', `/v1/provider-accounts/${casso.id}`)).body.label).toBe('Main feed');
    expect((await shop.api('PATCH', `/v1/provider-accounts/${casso.id}`, { label: null })).body.label).toBeNull();

    const refused: [Record<string, unknown>, string][] = [
      [{ bank: 'VCB' }, 'bank'], // the receiving account is the account's identity
      [{ accountNumber: '999' }, 'accountNumber'],
      [{ secretToken: 'SECRET-tg-secretToken' }, 'secretToken'], // another provider's credential
      [{ color: 'red' }, 'color'],
      [{ checksumKey: 'short' }, 'checksumKey'],
      [{ label: '' }, 'label'],
      [{ baseUrl: 'not a url' }, 'baseUrl'],
    ];
    for (const [body, path] of refused) {
      const res = await shop.api('PATCH', `/v1/provider-accounts/${casso.id}`, { label: 'must not stick', ...body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await shop.api('GET', `/v1/provider-accounts/${casso.id}`)).body.label).toBeNull();

    expect((await other.api('PATCH', `/v1/provider-accounts/${casso.id}`, { label: 'theirs' })).status).toBe(404);
    expect((await shop.api('PATCH', '/v1/provider-accounts/pa_nope', { label: 'x' })).status).toBe(404);
    const direct = await shop.account();
    expect((await shop.api('PATCH', `/v1/provider-accounts/${direct.id}`, { label: 'Counter' })).body.label).toBe('Counter');
    expect((await shop.api('PATCH', `/v1/provider-accounts/${direct.id}`, { accountName: 'X' })).status).toBe(422);
    expect((await shop.api('DELETE', `/v1/provider-accounts/${direct.id}`)).status).toBe(204);
    expect((await shop.api('PATCH', `/v1/provider-accounts/${direct.id}`, { label: 'gone' })).status).toBe(404);
  });

  it('new outbound credentials sign the very next provider request (the fake payOS checks them)', async () => {
    const fake = installFakeProvider();
    try {
      const shop = await newMerchant();
      const payos = await shop.account(FAKE_ACCOUNTS.payos);
      const order = (reference: string) => shop.api('POST', '/v1/orders', { amount: 10_000, reference, providerAccountId: payos.id });
      expect((await order('ROT-1')).status).toBe(201);
      expect((await shop.api('PATCH', `/v1/provider-accounts/${payos.id}`, { apiKey: 'SECRET-po-rotated-apiKey' })).status).toBe(200);
      expect((await order('ROT-2')).status).toBe(502); // the fake knows only the original key
      expect(fake.qrRequests().at(-1)?.headers['x-api-key']).toBe('SECRET-po-rotated-apiKey');
      expect((await shop.api('PATCH', `/v1/provider-accounts/${payos.id}`, { apiKey: FAKE_ACCOUNTS.payos.apiKey })).status).toBe(200);
      expect((await order('ROT-3')).status).toBe(201);
      // clientId is public config: stored as such, beside the sealed credentials.
      expect((await shop.api('PATCH', `/v1/provider-accounts/${payos.id}`, { clientId: 'po-client-2' })).status).toBe(200);
      const row = await db
        .prepare('SELECT config, credentials FROM provider_accounts WHERE id = ?')
        .bind(payos.id)
        .first<{ config: string; credentials: string }>();
      expect(JSON.parse(row!.config)).toEqual({ clientId: 'po-client-2' });
      expect(row!.credentials).not.toContain(FAKE_ACCOUNTS.payos.apiKey);
    } finally {
      fake.restore();
    }
  });
});
