import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { FAKE_ACCOUNTS, installFakeProvider } from '../fixtures/fake-provider';
import { newMerchant } from '../fixtures/merchant';
import { DIRECT_ACCOUNT } from '../fixtures/shapes';

const db = env.DB;
const key = () => `idem-${crypto.randomUUID()}`;
const countOrders = async (merchantId: string) =>
  (await db.prepare('SELECT count(*) AS n FROM orders WHERE merchant_id = ?').bind(merchantId).first<{ n: number }>())?.n;

async function shopWithAccount() {
  const shop = await newMerchant();
  const account = await shop.account();
  return { shop, body: { amount: 42_000, reference: `IDEM-${crypto.randomUUID().slice(0, 8)}`, providerAccountId: account.id } };
}

describe('Idempotency-Key', () => {
  it('the same key and body replays the first response (status and body) and creates nothing new', async () => {
    const { shop, body } = await shopWithAccount();
    const headers = { 'idempotency-key': key() };
    const first = await shop.api('POST', '/v1/orders', body, headers);
    expect(first.status).toBe(201);
    const again = await shop.api('POST', '/v1/orders', body, headers);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await countOrders(shop.id)).toBe(1);
  });

  it('the same body with its keys in another order or other spacing is the same body: replayed, not 409', async () => {
    const { shop, body } = await shopWithAccount();
    const headers = { 'idempotency-key': key() };
    const first = await shop.api('POST', '/v1/orders', body, headers);
    expect(first.status).toBe(201);
    const reordered = JSON.stringify(
      { providerAccountId: body.providerAccountId, reference: body.reference, amount: body.amount },
      null,
      2,
    );
    const again = await shop.api('POST', '/v1/orders', reordered, headers);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    const changed = await shop.api('POST', '/v1/orders', { ...body, amount: body.amount + 1 }, headers);
    expect(changed.status).toBe(409);
    expect(await countOrders(shop.id)).toBe(1);
  });

  it('a stored answer is sealed at rest: an endpoint secret shown once is replayed, never stored in the clear', async () => {
    const shop = await newMerchant();
    const headers = { 'idempotency-key': key() };
    const body = { url: 'https://shop.example/hooks', eventTypes: null };
    const first = await shop.api('POST', '/v1/endpoints', body, headers);
    expect(first.status).toBe(201);
    const again = await shop.api('POST', '/v1/endpoints', body, headers);
    expect(again.text).toBe(first.text);
    const stored = await db
      .prepare('SELECT body FROM idempotency_keys WHERE key = ?')
      .bind(headers['idempotency-key'])
      .first<{ body: string }>();
    expect(stored!.body).not.toContain(first.body.secret);
    expect(stored!.body).not.toContain('whsec_');
  });

  it('the same key with a different body, or on another route, is 409', async () => {
    const { shop, body } = await shopWithAccount();
    const headers = { 'idempotency-key': key() };
    expect((await shop.api('POST', '/v1/orders', body, headers)).status).toBe(201);
    const changed = await shop.api('POST', '/v1/orders', { ...body, amount: 43_000 }, headers);
    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toBe('application/problem+json');
    expect((await shop.api('POST', '/v1/provider-accounts', body, headers)).status).toBe(409);
    expect(await countOrders(shop.id)).toBe(1);
  });

  it('20 concurrent requests with one key create exactly one order and all get its response', async () => {
    const { shop, body } = await shopWithAccount();
    const headers = { 'idempotency-key': key() };
    const results = await Promise.all(Array.from({ length: 20 }, () => shop.api('POST', '/v1/orders', body, headers)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await countOrders(shop.id)).toBe(1);
  });

  it('an error releases the key: the same request succeeds once its cause is fixed', async () => {
    const shop = await newMerchant();
    const headers = { 'idempotency-key': key() };
    const body = { amount: 1000, reference: 'AFTER-FIX' };
    expect((await shop.api('POST', '/v1/orders', body, headers)).status).toBe(422); // no account yet
    await shop.account();
    expect((await shop.api('POST', '/v1/orders', body, headers)).status).toBe(201);
  });

  it('a provider failure (502) stores nothing: the same key succeeds once the provider is back', async () => {
    const fake = installFakeProvider();
    try {
      const shop = await newMerchant();
      const account = await shop.account(FAKE_ACCOUNTS.payos);
      const headers = { 'idempotency-key': key() };
      const body = { amount: 10_000, reference: 'PROVIDER-DOWN', providerAccountId: account.id };
      fake.fail(500);
      expect((await shop.api('POST', '/v1/orders', body, headers)).status).toBe(502);
      expect(await countOrders(shop.id)).toBe(0);
      fake.fail(null);
      const retried = await shop.api('POST', '/v1/orders', body, headers);
      expect(retried.status).toBe(201);
      expect((await shop.api('POST', '/v1/orders', body, headers)).text).toBe(retried.text);
      expect(await countOrders(shop.id)).toBe(1);
    } finally {
      fake.restore();
    }
  });

  it('keys are per merchant', async () => {
    const a = await shopWithAccount();
    const b = await shopWithAccount();
    const headers = { 'idempotency-key': 'shared-key' };
    const first = await a.shop.api('POST', '/v1/orders', a.body, headers);
    const second = await b.shop.api('POST', '/v1/orders', b.body, headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('a key older than 24 h is forgotten', async () => {
    const { shop, body } = await shopWithAccount();
    const headers = { 'idempotency-key': key() };
    const first = await shop.api('POST', '/v1/orders', body, headers);
    await db
      .prepare('UPDATE idempotency_keys SET created_at = ? WHERE merchant_id = ?')
      .bind(new Date(Date.now() - 25 * 3600_000).toISOString(), shop.id)
      .run();
    const later = await shop.api('POST', '/v1/orders', { ...body, reference: 'NEW-REF' }, headers);
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });

  it('replays provider-account creation and cancel too', async () => {
    const shop = await newMerchant();
    const headers = { 'idempotency-key': key() };
    const account = await shop.api('POST', '/v1/provider-accounts', DIRECT_ACCOUNT, headers);
    expect((await shop.api('POST', '/v1/provider-accounts', DIRECT_ACCOUNT, headers)).text).toBe(account.text);
    expect((await shop.api('GET', '/v1/provider-accounts')).body.data).toHaveLength(1);
    const order = await shop.order({ providerAccountId: account.body.id });
    const cancelKey = { 'idempotency-key': key() };
    const canceled = await shop.api('POST', `/v1/orders/${order.id}/cancel`, undefined, cancelKey);
    const replayed = await shop.api('POST', `/v1/orders/${order.id}/cancel`, undefined, cancelKey);
    expect([canceled.status, replayed.status]).toEqual([200, 200]);
    expect(replayed.text).toBe(canceled.text);
  });

  it('an unusable key is 422', async () => {
    const { shop, body } = await shopWithAccount();
    const res = await shop.api('POST', '/v1/orders', body, { 'idempotency-key': 'x'.repeat(256) });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('Idempotency-Key');
  });
});
