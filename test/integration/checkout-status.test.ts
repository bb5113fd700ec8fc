import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { insertOrder, setOrderStatus } from '../fixtures/checkout';

const worker = exports.default;

const status = (id: string) => worker.fetch(`https://router.test/pay/${id}/status`);

describe('GET /pay/{id}/status', () => {
  it('is public, uncached JSON that follows the order', async () => {
    await insertOrder({ id: 'ord_status1', amount: 50_000 });
    const first = await status('ord_status1');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual({ status: 'pending', amountPaid: 0, amount: 50_000 });

    await setOrderStatus('ord_status1', 'partially_paid', 20_000);
    expect(await (await status('ord_status1')).json()).toEqual({ status: 'partially_paid', amountPaid: 20_000, amount: 50_000 });
  });

  it('reads the clock: an open order past expiresAt + grace is expired, whether or not anything has run', async () => {
    await insertOrder({ id: 'ord_status2', expiresAt: new Date(Date.now() - 121_000).toISOString() });
    expect(await (await status('ord_status2')).json()).toEqual({ status: 'expired', amountPaid: 0, amount: 50_000 });
    await insertOrder({
      id: 'ord_status3',
      status: 'partially_paid',
      amountPaid: 10_000,
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(((await (await status('ord_status3')).json()) as { status: string }).status).toBe('partially_paid');
    await insertOrder({ id: 'ord_status4', status: 'paid', amountPaid: 50_000, expiresAt: new Date(Date.now() - 3_600_000).toISOString() });
    expect(((await (await status('ord_status4')).json()) as { status: string }).status).toBe('paid');
  });

  it('is a 404 problem for an unknown order', async () => {
    const res = await status('ord_doesnotexist0000000000');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await worker.fetch('https://router.test/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/pay/{orderId}/status']).toBeDefined();
  });
});
