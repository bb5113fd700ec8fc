import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { insertOrder, setOrderStatus } from './checkout-fixture';

const worker = (exports as unknown as { default: Fetcher }).default;

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
