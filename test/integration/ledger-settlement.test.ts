import { runDurableObjectAlarm } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { clearFaults, injectFault } from '../../src/lib/faults';
import { call } from '../fixtures/app';
import { cassoCallback } from '../fixtures/casso';
import { expireOrder, ledgerNamed, ledgerOfOrder, settled } from '../fixtures/ledger';
import { cassoFeed, merchantWithAccount } from '../fixtures/merchant';

afterEach(() => clearFaults());

async function withCasso() {
  const merchant = await merchantWithAccount();
  const { casso, checksumKey } = await cassoFeed(merchant);
  const send = async (fields: { amount: number; content: string; id?: number }) => {
    const cb = await cassoCallback(checksumKey, { ...fields, accountNumber: merchant.accountNumber });
    return { cb, res: await call('POST', `/hooks/casso/${casso.id}`, { body: cb.body, headers: cb.headers }) };
  };
  const signed = (fields: { amount: number; content: string; id?: number }) =>
    cassoCallback(checksumKey, { ...fields, accountNumber: merchant.accountNumber });
  return { merchant, casso, send, signed };
}

async function eventsOf(merchant: Awaited<ReturnType<typeof merchantWithAccount>>, orderId: string | null) {
  const all: { type: string; data: { order: { id: string } | null } }[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { data: typeof all; nextCursor: string | null } } = await merchant.api(
      'GET',
      `/v1/events?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    all.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return all.filter((e) => (orderId ? e.data.order?.id === orderId : true));
}

describe('exactly-once settlement in the ledger', () => {
  it('200 concurrent copies of one callback: all acknowledged, one payment, one order.paid', async () => {
    const { merchant, casso, signed } = await withCasso();
    const order = await merchant.order({ amount: 50_000 });
    const cb = await signed({ amount: 50_000, content: `thanh toan ${order.paymentCode}` });
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => call('POST', `/hooks/casso/${casso.id}`, { body: cb.body, headers: cb.headers })),
    );
    expect(answers.filter((a) => a.status !== 200 || a.body.success !== true)).toEqual([]);
    await settled(await ledgerOfOrder(order.id));
    const payments = await merchant.api('GET', `/v1/orders/${order.id}/payments`);
    expect(payments.body.data).toHaveLength(1);
    expect(payments.body.data[0]).toMatchObject({
      orderId: order.id,
      amount: 50_000,
      matchedBy: 'payment_code',
      providerTransactionId: String(cb.id),
    });
    const events = await eventsOf(merchant, order.id);
    expect(events.filter((e) => e.type === 'order.paid')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'payment.received')).toHaveLength(1);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 50_000 });
  });

  it('100 concurrent distinct partial payments summing to the amount: one order.paid and the exact sum', async () => {
    const { merchant, send } = await withCasso();
    const order = await merchant.order({ amount: 100 * 1_000 });
    const answers = await Promise.all(Array.from({ length: 100 }, () => send({ amount: 1_000, content: order.paymentCode })));
    expect(answers.every(({ res }) => res.status === 200)).toBe(true);
    await settled(await ledgerOfOrder(order.id));
    const after = (await merchant.api('GET', `/v1/orders/${order.id}`)).body;
    expect(after).toMatchObject({ status: 'paid', amountPaid: 100_000 });
    const events = await eventsOf(merchant, order.id);
    expect(events.filter((e) => e.type === 'order.paid')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'order.partially_paid')).toHaveLength(99);
    const payments = await merchant.api('GET', `/v1/orders/${order.id}/payments?limit=100`);
    expect(payments.body.data).toHaveLength(100);
  });

  it('a failed D1 projection loses nothing: the ledger commits, the alarm repairs D1', async () => {
    const { merchant, send } = await withCasso();
    const order = await merchant.order({ amount: 20_000 });
    const ledger = await ledgerOfOrder(order.id);
    injectFault('projection', 1_000); // D1 writes fail until the fault is cleared
    const { res } = await send({ amount: 20_000, content: order.paymentCode });
    expect(res.status).toBe(200);
    await settled(ledger);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body.status).toBe('pending');
    clearFaults();
    expect(await runDurableObjectAlarm(ledger)).toBe(true);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 20_000 });
    expect((await merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data).toHaveLength(1);
  });

  it('a crash after the commit, before the ack: the provider retries and the retry is absorbed', async () => {
    const { merchant, casso, signed } = await withCasso();
    const order = await merchant.order({ amount: 30_000 });
    const cb = await signed({ amount: 30_000, content: order.paymentCode });
    injectFault('after-commit');
    const first = await call('POST', `/hooks/casso/${casso.id}`, { body: cb.body, headers: cb.headers });
    expect(first.status).toBeGreaterThanOrEqual(500);
    const retry = await call('POST', `/hooks/casso/${casso.id}`, { body: cb.body, headers: cb.headers });
    expect(retry.status).toBe(200);
    await settled(await ledgerOfOrder(order.id));
    expect((await merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data).toHaveLength(1);
    expect((await eventsOf(merchant, order.id)).filter((e) => e.type === 'order.paid')).toHaveLength(1);
  });

  it('an unmatched payment is parked once, listed, and announced by payment.unmatched', async () => {
    const { merchant, casso, signed } = await withCasso();
    const order = await merchant.order({ amount: 40_000 });
    const cb = await signed({ amount: 40_000, content: 'chuyen tien an trua' });
    for (let i = 0; i < 3; i++)
      expect((await call('POST', `/hooks/casso/${casso.id}`, { body: cb.body, headers: cb.headers })).status).toBe(200);
    await settled(await ledgerOfOrder(order.id));
    const unmatched = (await merchant.api('GET', '/v1/payments?unmatched=true')).body.data;
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]).toMatchObject({ orderId: null, matchedBy: null, amount: 40_000, providerTransactionId: String(cb.id) });
    const events = (await eventsOf(merchant, null)).filter((e) => e.type === 'payment.unmatched');
    expect(events).toHaveLength(1);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'pending', amountPaid: 0 });
  });

  it('the alarm announces the expiry the clock decided; a later payment is recorded and the order stays expired', async () => {
    const { merchant, send } = await withCasso();
    const order = await merchant.order({ amount: 10_000, expiresInSeconds: 60 });
    const ledger = await ledgerOfOrder(order.id);
    // Simulated clock: the order expired (grace included) a while ago instead of the test waiting.
    await expireOrder(order.id, 10 * 60_000);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body.status).toBe('expired');
    expect(await runDurableObjectAlarm(ledger)).toBe(true);
    await send({ amount: 10_000, content: order.paymentCode });
    await settled(ledger);
    const after = (await merchant.api('GET', `/v1/orders/${order.id}`)).body;
    expect(after).toMatchObject({ status: 'expired', amountPaid: 10_000 });
    const types = (await eventsOf(merchant, order.id)).map((e) => e.type).sort();
    expect(types).toEqual(['order.expired', 'payment.received']);
    expect((await merchant.api('POST', `/v1/orders/${order.id}/cancel`, {})).status).toBe(409);
  });

  it("a callback on another merchant's account never touches this merchant's orders", async () => {
    const mine = await merchantWithAccount();
    const order = await mine.order({ amount: 10_000 });
    const { merchant: other, send } = await withCasso();
    const { res } = await send({ amount: 10_000, content: order.paymentCode });
    expect(res.status).toBe(200);
    await settled(await ledgerOfOrder(order.id));
    await settled(ledgerNamed(`${other.id}:${other.accountNumber}`));
    expect((await mine.api('GET', `/v1/orders/${order.id}`)).body.status).toBe('pending');
    expect((await other.api('GET', '/v1/payments?unmatched=true')).body.data).toHaveLength(1);
  });

  it('sandbox pay settles through the ledger (matchedBy sandbox); live merchants get 403', async () => {
    const merchant = await merchantWithAccount();
    const order = await merchant.order({ amount: 40_000 });
    expect((await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 15_000 })).status).toBe(202);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'partially_paid', amountPaid: 15_000 });
    expect((await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {})).status).toBe(202);
    const paid = (await merchant.api('GET', `/v1/orders/${order.id}`)).body;
    expect(paid).toMatchObject({ status: 'paid', amountPaid: 40_000 });
    const payments = (await merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments.map((p: { matchedBy: string }) => p.matchedBy)).toEqual(['sandbox', 'sandbox']);
    const live = await merchantWithAccount('live');
    const liveOrder = await live.order();
    const refused = await live.api('POST', `/v1/sandbox/orders/${liveOrder.id}/pay`, {});
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
  });

  it('a sandbox provider callback is signed with the stored credentials and settles through the real hook', async () => {
    const { merchant, casso } = await withCasso();
    const order = await merchant.order({ amount: 25_000 });
    const sent = await merchant.api('POST', `/v1/sandbox/provider-accounts/${casso.id}/callback`, {
      amount: 25_000,
      content: `TT ${order.paymentCode}`,
    });
    expect(sent.status).toBe(202);
    expect(sent.body.hookResponse).toEqual({ success: true });
    await settled(await ledgerOfOrder(order.id));
    const [payment] = (await merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payment).toMatchObject({ provider: 'casso', providerAccountId: casso.id, matchedBy: 'payment_code', amount: 25_000 });
    const direct = await merchant.api('POST', `/v1/sandbox/provider-accounts/${merchant.direct.id}/callback`, { amount: 1, content: 'x' });
    expect(direct.status).toBe(422);
  });
});
