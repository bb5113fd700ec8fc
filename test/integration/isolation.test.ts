import { describe, expect, it } from 'vitest';
import { newMerchant } from '../fixtures/merchant';

describe('merchants cannot see or touch each other’s data', () => {
  it('accounts and orders of another merchant are 404 and never listed', async () => {
    const owner = await newMerchant();
    const stranger = await newMerchant();
    const account = await owner.account();
    const order = await owner.order({ providerAccountId: account.id });

    for (const [method, path] of [
      ['GET', `/v1/provider-accounts/${account.id}`],
      ['DELETE', `/v1/provider-accounts/${account.id}`],
      ['GET', `/v1/orders/${order.id}`],
      ['POST', `/v1/orders/${order.id}/cancel`],
    ] as const) {
      const res = await stranger.api(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await stranger.api('GET', '/v1/provider-accounts')).body.data).toEqual([]);
    expect((await stranger.api('GET', '/v1/orders')).body.data).toEqual([]);
    expect((await stranger.api('GET', `/v1/orders?reference=${order.reference}`)).body.data).toEqual([]);

    // Nothing the stranger did changed the owner's data.
    expect((await owner.api('GET', `/v1/orders/${order.id}`)).body.status).toBe('pending');
    expect((await owner.api('GET', `/v1/provider-accounts/${account.id}`)).status).toBe(200);
  });

  it("another merchant's account cannot be used for an order", async () => {
    const owner = await newMerchant();
    const stranger = await newMerchant();
    const account = await owner.account();
    const res = await stranger.api('POST', '/v1/orders', { amount: 1000, reference: 'STEAL-1', providerAccountId: account.id });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('providerAccountId');
  });

  it('references and payment codes are unique per merchant only', async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    await a.account();
    await b.account();
    const first = await a.order({ reference: 'SAME-REF' });
    const second = await b.order({ reference: 'SAME-REF' });
    expect(second.id).not.toBe(first.id);
  });
});
