// Idempotency-Key is honoured on every merchant POST (applied once in app.ts), not only where a route asked for it:
// the sandbox, replay and rotation included, where a repeated request would otherwise pay, send or rotate twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Json } from '../fixtures/app';
import { ledgerOfOrder, settled } from '../fixtures/ledger';
import { newMerchant } from '../fixtures/merchant';
import { interceptFetch } from '../fixtures/outbound-fetch';

const HOOK = 'https://shop.example.com/hook';
beforeEach(() => {
  interceptFetch({ [HOOK]: () => new Response(null, { status: 204 }) }, { unmatched: 'pass' });
});
afterEach(() => vi.restoreAllMocks());

const key = () => ({ 'idempotency-key': `k-${crypto.randomUUID()}` });

async function shopWithOrder() {
  const shop = await newMerchant();
  const account = await shop.account();
  const order = await shop.order({ providerAccountId: account.id, amount: 80_000 });
  return { shop, order };
}

const paymentsOf = async (shop: Awaited<ReturnType<typeof newMerchant>>, orderId: string) =>
  (await shop.api('GET', `/v1/orders/${orderId}/payments`)).body.data as Json[];

describe('Idempotency-Key on every merchant POST', () => {
  it('sandbox pay: the same key twice pays once, and the second answer is the first, marked replayed', async () => {
    const { shop, order } = await shopWithOrder();
    const headers = key();
    const first = await shop.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 30_000 }, headers);
    const again = await shop.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 30_000 }, headers);
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(again.text).toBe(first.text);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await paymentsOf(shop, order.id)).map((p) => p.amount)).toEqual([30_000]);
    // Without the key, a second payment is a second payment.
    expect((await shop.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 30_000 })).status).toBe(202);
    expect(await paymentsOf(shop, order.id)).toHaveLength(2);
  });

  it('the same key with another body is 409 idempotency_conflict, and nothing runs', async () => {
    const { shop, order } = await shopWithOrder();
    const headers = key();
    expect((await shop.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 10_000 }, headers)).status).toBe(202);
    const changed = await shop.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 20_000 }, headers);
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ status: 409, code: 'idempotency_conflict' });
    expect(await paymentsOf(shop, order.id)).toHaveLength(1);
  });

  it('sandbox provider callback: the same key twice sends one callback, one payment', async () => {
    const shop = await newMerchant();
    await shop.account();
    const feed = await shop.account({
      provider: 'casso',
      checksumKey: 'casso-checksum-key-0123456789',
      bank: '970436',
      accountNumber: '1017595600',
      accountName: 'CONG TY KIEM THU',
    });
    const order = await shop.order({ amount: 25_000 });
    const headers = key();
    const body = { amount: 25_000, content: `thanh toan ${order.paymentCode}` };
    const first = await shop.api('POST', `/v1/sandbox/provider-accounts/${feed.id}/callback`, body, headers);
    const again = await shop.api('POST', `/v1/sandbox/provider-accounts/${feed.id}/callback`, body, headers);
    expect([first.status, again.status], first.text).toEqual([202, 202]);
    expect(again.body.providerTransactionId).toBe(first.body.providerTransactionId);
    await settled(await ledgerOfOrder(order.id)); // the hook answered once the ledger committed; D1 follows
    expect(await paymentsOf(shop, order.id)).toHaveLength(1);
  });

  it('event replay and secret rotation: the same key twice acts once', async () => {
    const { shop, order } = await shopWithOrder();
    const endpoint = (await shop.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: ['order.paid'] })).body;
    const rotateKey = key();
    const rotated = await shop.api('POST', `/v1/endpoints/${endpoint.id}/rotate-secret`, {}, rotateKey);
    const rotatedAgain = await shop.api('POST', `/v1/endpoints/${endpoint.id}/rotate-secret`, {}, rotateKey);
    expect(rotatedAgain.body.secret).toBe(rotated.body.secret);
    expect((await shop.api('GET', `/v1/endpoints/${endpoint.id}/secret`)).body.secret).toBe(rotated.body.secret);

    await shop.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {});
    const event = await (async () => {
      for (let i = 0; i < 100; i++) {
        const found = ((await shop.api('GET', '/v1/events?type=order.paid')).body.data as Json[])[0];
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('no order.paid event');
    })();
    const replayKey = key();
    const replayed = await shop.api('POST', `/v1/events/${event.id}/replay`, { endpointId: endpoint.id }, replayKey);
    const replayedAgain = await shop.api('POST', `/v1/events/${event.id}/replay`, { endpointId: endpoint.id }, replayKey);
    expect([replayed.status, replayedAgain.status]).toEqual([202, 202]);
    expect(replayedAgain.headers.get('idempotent-replayed')).toBe('true');
    expect(replayedAgain.text).toBe(replayed.text);
  });
});
