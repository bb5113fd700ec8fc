import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETRY_DELAYS_MS } from '../../src/delivery/schedule';
import { clearFaults, injectFault } from '../../src/lib/faults';
import { deliveriesDueNow, ledgerOfOrder } from '../fixtures/ledger';
import { merchantWithAccount } from '../fixtures/merchant';
import { merchantEndpoint } from '../fixtures/merchant-endpoint';

const HOOK = 'https://merchant.example/webhooks';

const stubOf = (orderId: string) => ledgerOfOrder(orderId);

/** Simulated clock: every pending delivery of the order's ledger becomes due now; returns the delays that were scheduled. */
const timePasses = async (orderId: string): Promise<number[]> => deliveriesDueNow(await stubOf(orderId));

async function setup(eventTypes: string[] | null = ['order.canceled']) {
  const merchant = await merchantWithAccount();
  const endpoint = (await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes })).body;
  const order = await merchant.order();
  const cancel = async () => expect((await merchant.api('POST', `/v1/orders/${order.id}/cancel`, {})).status).toBe(200);
  const attempts = async (eventId: string) =>
    (
      (await merchant.api('GET', `/v1/events/${eventId}/attempts`)).body.data as {
        attempt: number;
        status: string;
        responseStatus: number;
      }[]
    ).sort((a, b) => a.attempt - b.attempt);
  return { merchant, endpoint, order, cancel, attempts };
}

beforeEach(() => clearFaults());
afterEach(() => vi.restoreAllMocks());

describe('delivery from the ledger', () => {
  it('signs with Standard Webhooks; the reference verifier accepts it; webhook-id is the event id', async () => {
    const received = merchantEndpoint(HOOK);
    const { endpoint, order, cancel, attempts } = await setup();
    await cancel();
    await runDurableObjectAlarm(await stubOf(order.id));
    expect(received).toHaveLength(1);
    const event = new Webhook(endpoint.secret).verify(received[0]!.body, received[0]!.headers) as { id: string; type: string };
    expect(event.type).toBe('order.canceled');
    expect(received[0]!.headers['webhook-id']).toBe(event.id);
    expect(await attempts(event.id)).toMatchObject([{ attempt: 1, status: 'succeeded', responseStatus: 200 }]);
  });

  it('a merchant down for "24 hours" then up: retried on the schedule, delivered exactly once', async () => {
    const received = merchantEndpoint(HOOK, (n) => new Response(n <= 7 ? 'down' : 'ok', { status: n <= 7 ? 503 : 200 }));
    const { order, cancel, attempts } = await setup();
    await cancel();
    await runDurableObjectAlarm(await stubOf(order.id));
    for (let retry = 0; retry < 7; retry++) {
      const [delay] = await timePasses(order.id);
      const scheduled = RETRY_DELAYS_MS[retry]!;
      expect(delay).toBeGreaterThanOrEqual(scheduled * 0.8 - 1000);
      expect(delay).toBeLessThanOrEqual(scheduled * 1.2);
      await runDurableObjectAlarm(await stubOf(order.id));
    }
    expect(received).toHaveLength(8);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const eventId = received[0]!.headers['webhook-id']!;
    const list = await attempts(eventId);
    expect(list.map((a) => a.status)).toEqual([...Array(7).fill('failed'), 'succeeded']);
    // Nothing left to send: time passing changes nothing.
    expect(await timePasses(order.id)).toEqual([]);
  });

  it('after the last failure the delivery is failed, and replay sends it again', async () => {
    const received = merchantEndpoint(HOOK, (n) => new Response('', { status: n <= 8 ? 500 : 200 }));
    const { merchant, order, cancel, attempts } = await setup();
    await cancel();
    await runDurableObjectAlarm(await stubOf(order.id));
    for (let i = 0; i < 7; i++) {
      await timePasses(order.id);
      await runDurableObjectAlarm(await stubOf(order.id));
    }
    const eventId = received[0]!.headers['webhook-id']!;
    expect((await attempts(eventId)).map((a) => a.status)).toEqual(Array(8).fill('failed'));
    expect(await timePasses(order.id)).toEqual([]);
    expect((await merchant.api('POST', `/v1/events/${eventId}/replay`, {})).status).toBe(202);
    await runDurableObjectAlarm(await stubOf(order.id));
    expect(received).toHaveLength(9);
    expect((await attempts(eventId)).at(-1)).toMatchObject({ attempt: 9, status: 'succeeded' });
  });

  it('a redirect is not followed and counts as failure; 410 disables the endpoint', async () => {
    const received = merchantEndpoint(HOOK, (n) =>
      n === 1
        ? new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } })
        : new Response('gone', { status: 410 }),
    );
    const { merchant, endpoint, order, cancel, attempts } = await setup();
    await cancel();
    await runDurableObjectAlarm(await stubOf(order.id));
    const eventId = received[0]!.headers['webhook-id']!;
    expect(await attempts(eventId)).toMatchObject([{ status: 'failed', responseStatus: 302 }]);
    await timePasses(order.id);
    await runDurableObjectAlarm(await stubOf(order.id));
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}`)).body.enabled).toBe(false);
    expect(received).toHaveLength(2);
  });

  it('rotation overlap: both the old and the new secret verify a delivery', async () => {
    const received = merchantEndpoint(HOOK);
    const { merchant, endpoint, order, cancel } = await setup();
    const rotated = (await merchant.api('POST', `/v1/endpoints/${endpoint.id}/rotate-secret`, {})).body;
    await cancel();
    await runDurableObjectAlarm(await stubOf(order.id));
    expect(received[0]!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(endpoint.secret).verify(received[0]!.body, received[0]!.headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(received[0]!.body, received[0]!.headers)).not.toThrow();
  });

  it('a crash after sending, before recording: the alarm sends again, each attempt recorded once', async () => {
    const received = merchantEndpoint(HOOK);
    const { order, cancel, attempts } = await setup();
    await cancel();
    injectFault('after-send');
    await runDurableObjectAlarm(await stubOf(order.id));
    expect(received).toHaveLength(1);
    await timePasses(order.id);
    await runDurableObjectAlarm(await stubOf(order.id));
    expect(received).toHaveLength(2);
    expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id']);
    expect(await attempts(received[0]!.headers['webhook-id']!)).toMatchObject([{ attempt: 1, status: 'succeeded' }]);
  });

  it('only subscribed event types are delivered; fan-out goes to every endpoint', async () => {
    const received = merchantEndpoint(HOOK);
    const { merchant, order } = await setup(['order.paid']);
    await merchant.api('POST', '/v1/endpoints', { url: `${HOOK}/all`, eventTypes: null });
    expect((await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {})).status).toBe(202);
    await runDurableObjectAlarm(await stubOf(order.id));
    const types = received.map((r) => `${JSON.parse(r.body).type}`).sort();
    expect(types).toEqual(['order.paid', 'order.paid', 'payment.received']);
  });

  it('a replay that arrives while an attempt is in flight is not lost', async () => {
    let replay: ((eventId: string) => Promise<unknown>) | null = null;
    const received = merchantEndpoint(HOOK, async (n, request) => {
      if (n === 1) await replay!(request.headers['webhook-id']!);
      return new Response('ok');
    });
    const { merchant, order, cancel, attempts } = await setup();
    replay = (eventId) => merchant.api('POST', `/v1/events/${eventId}/replay`, {});
    await cancel();
    await runDurableObjectAlarm(await stubOf(order.id));
    await runDurableObjectAlarm(await stubOf(order.id));
    expect(received).toHaveLength(2);
    expect((await attempts(received[0]!.headers['webhook-id']!)).map((a) => a.attempt)).toEqual([1, 2]);
  });

  it('an endpoint failing for five days is disabled and endpoint.disabled is emitted once', async () => {
    merchantEndpoint(HOOK, () => new Response('down', { status: 500 }));
    const { merchant, endpoint, order, cancel } = await setup(null);
    // Simulated clock: the endpoint has been failing for six days already.
    const sixDaysAgo = new Date(Date.now() - 6 * 24 * 3_600_000).toISOString();
    await env.DB.prepare('UPDATE endpoints SET failing_since = ? WHERE id = ?').bind(sixDaysAgo, endpoint.id).run();
    await cancel();
    await runDurableObjectAlarm(await stubOf(order.id));
    expect((await merchant.api('GET', `/v1/endpoints/${endpoint.id}`)).body.enabled).toBe(false);
    const events = (await merchant.api('GET', '/v1/events?type=endpoint.disabled')).body.data;
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ order: null, payment: null });
  });

  it('fan-out keeps at most 6 requests in flight, and every endpoint gets its delivery', async () => {
    let inFlight = 0;
    let most = 0;
    const received = merchantEndpoint(HOOK, async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      return new Response('ok');
    });
    const { merchant, order, cancel } = await setup();
    for (let i = 0; i < 11; i++) await merchant.api('POST', '/v1/endpoints', { url: `${HOOK}/${i}`, eventTypes: ['order.canceled'] });
    await cancel();
    await runDurableObjectAlarm(await stubOf(order.id));
    expect(received).toHaveLength(12);
    expect(most).toBeLessThanOrEqual(6);
    expect(most).toBeGreaterThan(1);
  });
});
