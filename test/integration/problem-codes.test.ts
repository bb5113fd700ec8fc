// Every problem carries a machine-readable `code`; a client branches on it, never on `detail`.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { admin } from '../fixtures/app';
import { newMerchant } from '../fixtures/merchant';

const worker = exports.default;

describe('problem codes', () => {
  it('a second order with the same reference is 409 duplicate_reference with the existing order in orderId', async () => {
    const shop = await newMerchant();
    await shop.account();
    const first = await shop.order({ reference: 'DUP-REF-1' });
    const again = await shop.api('POST', '/v1/orders', { amount: 10_000, reference: 'DUP-REF-1' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, code: 'duplicate_reference', orderId: first.id });
    expect(again.body.detail).toContain(first.id);
  });

  it('cancelling a closed order is 409 order_not_open; a live merchant in the sandbox is 403 live_mode', async () => {
    const shop = await newMerchant();
    await shop.account();
    const order = await shop.order();
    expect((await shop.api('POST', `/v1/orders/${order.id}/cancel`)).status).toBe(200);
    expect((await shop.api('POST', `/v1/orders/${order.id}/cancel`)).body).toMatchObject({ status: 409, code: 'order_not_open' });
    const live = await newMerchant('live');
    expect((await live.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {})).body).toMatchObject({ status: 403, code: 'live_mode' });
  });

  it('each generic failure has its own code', async () => {
    const shop = await newMerchant();
    const invalid = await shop.api('POST', '/v1/orders', { amount: 0, reference: 'X' });
    expect(invalid.body).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toContain('amount');
    expect((await shop.api('POST', '/v1/orders', '{not json')).body).toMatchObject({ status: 400, code: 'malformed_request' });
    expect((await shop.api('GET', '/v1/orders/ord_000000000000000000000000')).body).toMatchObject({ status: 404, code: 'not_found' });
    expect((await admin('POST', '/v1/admin/merchants', { name: '' })).body.code).toBe('validation_failed');
    const anonymous = await worker.fetch('https://router.test/v1/orders');
    expect(await anonymous.json()).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(await (await worker.fetch('https://router.test/no-such-route')).json()).toMatchObject({ status: 404, code: 'not_found' });
  });
});
