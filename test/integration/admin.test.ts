import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { admin, call } from '../fixtures/app';
import { newMerchant } from '../fixtures/merchant';

const db = env.DB;

const listOrders = (apiKey: string) => call('GET', '/v1/orders', { token: apiKey });

describe('admin API', () => {
  it('creates a merchant whose key works and is stored only as a hash', async () => {
    const res = await admin('POST', '/v1/admin/merchants', { name: 'Shop Live', mode: 'live' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^mer_[0-9a-z]{26}$/),
      name: 'Shop Live',
      mode: 'live',
      apiKey: expect.stringMatching(/^sk_live_[0-9a-z]{32}$/),
      createdAt: expect.any(String),
    });
    expect((await listOrders(res.body.apiKey)).status).toBe(200);
    const stored = await db
      .prepare('SELECT key_hash, prefix FROM api_keys WHERE merchant_id = ?')
      .bind(res.body.id)
      .first<{ key_hash: string; prefix: string }>();
    expect(stored?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.key_hash).not.toContain(res.body.apiKey);
    expect(res.body.apiKey.startsWith(stored?.prefix ?? '?')).toBe(true);
  });

  it('needs the admin token: none, wrong or a merchant key is 401', async () => {
    const body = { name: 'Nope', mode: 'test' };
    const merchant = await newMerchant();
    for (const token of [undefined, 'wrong-token', merchant.apiKey]) {
      const res = await call('POST', '/v1/admin/merchants', { token, body });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('rejects an invalid body with 422 naming the field, and unknown fields', async () => {
    const res = await admin('POST', '/v1/admin/merchants', { name: 'Shop', mode: 'staging', color: 'red' });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['color', 'mode']);
  });

  it('issues more keys; a revoked key fails at once while the others keep working', async () => {
    const merchant = await newMerchant();
    const key = await admin('POST', `/v1/admin/merchants/${merchant.id}/api-keys`);
    expect(key.status).toBe(201);
    expect(key.body).toEqual({
      id: expect.stringMatching(/^key_/),
      apiKey: expect.stringMatching(/^sk_test_/),
      createdAt: expect.any(String),
    });
    expect((await listOrders(key.body.apiKey)).status).toBe(200);
    expect((await admin('DELETE', `/v1/admin/api-keys/${key.body.id}`)).status).toBe(204);
    expect((await listOrders(key.body.apiKey)).status).toBe(401);
    expect((await listOrders(merchant.apiKey)).status).toBe(200);
    expect((await admin('DELETE', `/v1/admin/api-keys/${key.body.id}`)).status).toBe(404);
  });

  it('404 for an unknown merchant or key', async () => {
    expect((await admin('POST', '/v1/admin/merchants/mer_nope/api-keys')).status).toBe(404);
    expect((await admin('DELETE', '/v1/admin/api-keys/key_nope')).status).toBe(404);
  });
});
