// Endpoints as merchants experience them once events flow: signed deliveries, and recover.
import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Json } from '../fixtures/app';
import { eventually } from '../fixtures/eventually';
import { ledgerOfOrder } from '../fixtures/ledger';
import { newMerchant } from '../fixtures/merchant';
import { interceptFetch } from '../fixtures/outbound-fetch';

const HOOK = 'https://shop.example.com/webhooks/vietqr';

interface Received {
  headers: Record<string, string>;
  body: string;
}

let received: Received[] = [];
let answer = 200;

beforeEach(() => {
  received = [];
  answer = 200;
  interceptFetch(
    {
      [HOOK]: ({ headers, body }) => {
        received.push({ headers, body });
        return new Response('ok', { status: answer });
      },
    },
    { unmatched: 'pass' },
  );
});
afterEach(() => vi.restoreAllMocks());

/** A test merchant with an endpoint and a paid order; the order DO's alarm is run at once. */
async function payOrder(merchant: Awaited<ReturnType<typeof newMerchant>>) {
  const account = await merchant.account();
  const order = await merchant.order({ providerAccountId: account.id });
  const paid = await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {});
  expect(paid.status, paid.text).toBe(202);
  await runDurableObjectAlarm(await ledgerOfOrder(order.id));
  return order;
}

const runAlarm = async (orderId: string) => runDurableObjectAlarm(await ledgerOfOrder(orderId));

const deliveriesOf = async (endpointId: string) =>
  (await env.DB.prepare('SELECT status, attempts FROM deliveries WHERE endpoint_id = ? ORDER BY created_at').bind(endpointId).all<Json>())
    .results;

describe('delivery to an endpoint', () => {
  it('sends each subscribed event once, signed so that the reference library verifies it', async () => {
    const merchant = await newMerchant();
    const endpoint = (await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: ['order.paid'] })).body;
    const order = await payOrder(merchant);
    const [delivery] = await eventually(async () => {
      expect(received).toHaveLength(1);
      return received;
    });
    const event = new Webhook(endpoint.secret).verify(delivery!.body, delivery!.headers) as Json;
    expect(event).toMatchObject({ object: 'event', type: 'order.paid', data: { order: { id: order.id, status: 'paid' } } });
    expect(delivery!.headers['webhook-id']).toBe(event.id);
    expect(delivery!.headers['content-type']).toBe('application/json');
  });
});

describe('POST /v1/endpoints/{id}/recover', () => {
  it('re-sends deliveries skipped while the endpoint was disabled', async () => {
    const merchant = await newMerchant();
    const endpoint = (await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: null })).body;
    await merchant.api('PATCH', `/v1/endpoints/${endpoint.id}`, { enabled: false });
    const order = await payOrder(merchant);
    const skipped = await eventually(async () => {
      const rows = await deliveriesOf(endpoint.id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row: Json) => row.status === 'skipped')).toBe(true);
      return rows;
    });
    expect(received).toEqual([]);

    await merchant.api('PATCH', `/v1/endpoints/${endpoint.id}`, { enabled: true });
    const since = new Date(Date.now() - 60_000).toISOString();
    const res = await merchant.api('POST', `/v1/endpoints/${endpoint.id}/recover`, { since });
    expect([res.status, res.body]).toEqual([202, { requeued: skipped.length }]);
    await runAlarm(order.id);
    await eventually(async () => expect(received).toHaveLength(skipped.length));
    for (const delivery of received) expect(() => new Webhook(endpoint.secret).verify(delivery.body, delivery.headers)).not.toThrow();
    await eventually(async () =>
      expect((await deliveriesOf(endpoint.id)).map((row: Json) => row.status)).toEqual(skipped.map(() => 'succeeded')),
    );

    const again = await merchant.api('POST', `/v1/endpoints/${endpoint.id}/recover`, { since });
    expect(again.body).toEqual({ requeued: 0 });
  });

  it('re-sends a delivery waiting for its retry now, and a later since leaves it alone', async () => {
    const merchant = await newMerchant();
    const endpoint = (await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: ['order.paid'] })).body;
    answer = 500;
    const order = await payOrder(merchant);
    await eventually(async () => expect(await deliveriesOf(endpoint.id)).toEqual([{ status: 'pending', attempts: 1 }]));

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await merchant.api('POST', `/v1/endpoints/${endpoint.id}/recover`, { since: future })).body).toEqual({ requeued: 0 });

    answer = 200;
    const since = new Date(Date.now() - 60_000).toISOString();
    expect((await merchant.api('POST', `/v1/endpoints/${endpoint.id}/recover`, { since })).body).toEqual({ requeued: 1 });
    await runAlarm(order.id);
    await eventually(async () => expect(await deliveriesOf(endpoint.id)).toEqual([{ status: 'succeeded', attempts: 2 }]));
    expect(received.map((r) => r.headers['webhook-id'])).toEqual([received[0]!.headers['webhook-id'], received[0]!.headers['webhook-id']]);
  });
});
