// The example merchant receiver (examples/webhook-receiver) against real deliveries: what we sign, the stock
// standardwebhooks library verifies; what it refuses is recorded as a failed attempt and retried.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebhookReceiver } from '../../examples/webhook-receiver/receiver.mjs';
import type { Json } from '../fixtures/app';
import { eventually } from '../fixtures/eventually';
import { newMerchant, type TestMerchant } from '../fixtures/merchant';
import { interceptFetch } from '../fixtures/outbound-fetch';

const HOOK = 'https://shop.example.com/webhooks/vietqr';
type Receiver = (request: Request) => Promise<Response>;

/** Deliveries to HOOK go to whichever receiver the test installs; everything else goes out as usual. */
let receiver: Receiver = async () => new Response('no receiver', { status: 503 });
beforeEach(() => {
  interceptFetch({ [HOOK]: ({ request }) => receiver(request) }, { unmatched: 'pass' });
});
afterEach(() => vi.restoreAllMocks());

async function shopWithEndpoint() {
  const shop = await newMerchant();
  await shop.account();
  const endpoint = (await shop.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: ['order.paid'] })).body as {
    id: string;
    secret: string;
  };
  return { shop, endpoint };
}

async function payAnOrder(shop: TestMerchant) {
  const order = await shop.order();
  expect((await shop.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {})).status).toBe(202);
  return order;
}

/** The order.paid event of the order, once its first delivery attempt is recorded. */
async function firstAttempt(shop: TestMerchant, orderId: string) {
  return eventually(async () => {
    const events = (await shop.api('GET', '/v1/events?type=order.paid')).body.data as Json[];
    const event = events.find((e) => e.data.order.id === orderId);
    expect(event).toBeDefined();
    const attempts = (await shop.api('GET', `/v1/events/${event.id}/attempts`)).body.data as Json[];
    expect(attempts.length).toBeGreaterThan(0);
    return { event, attempt: attempts.at(-1)! };
  }, 15_000);
}

describe('examples/webhook-receiver', () => {
  it('verifies our deliveries with the stock library and hands each event to the shop once', async () => {
    const { shop, endpoint } = await shopWithEndpoint();
    const handled: Json[] = [];
    receiver = createWebhookReceiver({ secret: endpoint.secret, onEvent: (event) => void handled.push(event) });
    const order = await payAnOrder(shop);

    const { event, attempt } = await firstAttempt(shop, order.id);
    expect(attempt).toMatchObject({ endpointId: endpoint.id, status: 'succeeded', responseStatus: 204 });
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({ id: event.id, type: 'order.paid', data: { order: { id: order.id, status: 'paid' } } });

    // A replay is the same webhook-id: the receiver acknowledges it and does not handle it again.
    expect((await shop.api('POST', `/v1/events/${event.id}/replay`, { endpointId: endpoint.id })).status).toBe(202);
    await eventually(async () => {
      const attempts = (await shop.api('GET', `/v1/events/${event.id}/attempts`)).body.data as Json[];
      expect(attempts.map((a) => a.status)).toEqual(['succeeded', 'succeeded']);
    }, 15_000);
    expect(handled).toHaveLength(1);
  });

  it('refuses a delivery it cannot verify (wrong secret): 400, recorded as a failed attempt, nothing handled', async () => {
    const { shop } = await shopWithEndpoint();
    const handled: Json[] = [];
    const otherSecret = `whsec_${btoa('another secret of 32 bytes!!!!!!')}`;
    receiver = createWebhookReceiver({ secret: otherSecret, onEvent: (event) => void handled.push(event) });
    const order = await payAnOrder(shop);

    const { attempt } = await firstAttempt(shop, order.id);
    expect(attempt).toMatchObject({ status: 'failed', responseStatus: 400, responseBody: 'invalid signature' });
    expect(handled).toEqual([]);
  });

  it('keeps verifying across a secret rotation: the old secret and the new one both verify during the overlap', async () => {
    const { shop, endpoint } = await shopWithEndpoint();
    const rotated = (await shop.api('POST', `/v1/endpoints/${endpoint.id}/rotate-secret`, {})).body as { secret: string };
    expect(rotated.secret).not.toBe(endpoint.secret);
    const handledOld: Json[] = [];
    const handledNew: Json[] = [];
    const withOld = createWebhookReceiver({ secret: endpoint.secret, onEvent: (event) => void handledOld.push(event) });
    const withNew = createWebhookReceiver({ secret: rotated.secret, onEvent: (event) => void handledNew.push(event) });
    // The same request, shown to a receiver that has not switched yet and to one that has.
    receiver = async (request) => {
      const [a, b] = await Promise.all([withOld(request.clone()), withNew(request)]);
      return a.ok && b.ok ? new Response(null, { status: 204 }) : new Response(`old ${a.status}, new ${b.status}`, { status: 400 });
    };
    const order = await payAnOrder(shop);

    const { attempt } = await firstAttempt(shop, order.id);
    expect(attempt).toMatchObject({ status: 'succeeded', responseStatus: 204 });
    expect([handledOld.length, handledNew.length]).toEqual([1, 1]);
  });
});
