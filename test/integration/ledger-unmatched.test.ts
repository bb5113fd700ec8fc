import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { orderEntry } from '../../src/ledger/order-entry';
import { merchantWithHooks, nextTxId, send } from '../fixtures/hooks';
import { ledgerNamed, ledgerOfOrder, settled } from '../fixtures/ledger';

/*
 * Unmatched is a state of a transfer (CONTRACT §4a): a parked payment gets its order once, keeping its id,
 * by a later report that matches (a retry, another feed) or by the merchant's assign.
 */

type Hooks = Awaited<ReturnType<typeof merchantWithHooks>>;

const eventsOfType = async (h: Hooks, type: string) => (await h.merchant.api('GET', `/v1/events?type=${type}&limit=100`)).body.data;
const unmatched = async (h: Hooks) => (await h.merchant.api('GET', '/v1/payments?unmatched=true&limit=100')).body.data as { id: string }[];

/** Takes an order out of D1 and its ledger, as if POST /v1/orders had not finished yet; returns how to put it back. */
async function hideOrder(orderId: string) {
  const row = await env.DB.prepare('SELECT * FROM orders WHERE id = ?').bind(orderId).first<Record<string, unknown>>();
  const ledger = await ledgerOfOrder(orderId);
  await runInDurableObject(ledger, (_instance, state) => state.storage.sql.exec('DELETE FROM orders WHERE id = ?', orderId));
  await env.DB.prepare("UPDATE orders SET payment_code = 'QRHIDDEN0' WHERE id = ?").bind(orderId).run();
  return async () => {
    await env.DB.prepare('UPDATE orders SET payment_code = ? WHERE id = ?').bind(row!.payment_code, orderId).run();
    const restored = await env.DB.prepare('SELECT * FROM orders WHERE id = ?').bind(orderId).first();
    await ledger.register(orderEntry(restored as never, 'https://router.test'));
  };
}

describe('an unmatched payment gets its order once', () => {
  it("by the feed's retry once the order exists (a webhook that beat POST /v1/orders): same payment id, payment.received, no second payment", async () => {
    const h = await merchantWithHooks();
    const order = await h.merchant.order({ amount: 50_000 });
    const restore = await hideOrder(order.id);
    const tx = { id: nextTxId(), amount: 50_000, content: `TT ${order.paymentCode}` };
    const signed = await h.sign.casso(tx);
    expect((await send(signed)).status).toBe(200);
    const ledger = await ledgerOfOrder(order.id);
    await settled(ledger);
    const [parked] = await unmatched(h);
    expect(parked).toMatchObject({ orderId: null, matchedBy: null, amount: 50_000 });
    await restore();
    expect((await send(signed)).status).toBe(200);
    await settled(ledger);
    const payments = (await h.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments.map((p: { id: string }) => p.id)).toEqual([parked!.id]);
    expect(payments[0]).toMatchObject({ matchedBy: 'payment_code', reports: [{ providerTransactionId: tx.id, via: 'callback' }] });
    expect(await unmatched(h)).toEqual([]);
    expect((await h.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 50_000 });
    expect(await eventsOfType(h, 'payment.received')).toHaveLength(1);
    expect(await eventsOfType(h, 'payment.unmatched')).toHaveLength(1);
  });

  it('by a lost registration: the index misses, D1 finds the order, the ledger adopts it and matches at once', async () => {
    const h = await merchantWithHooks();
    const order = await h.merchant.order({ amount: 20_000 });
    const ledger = await ledgerOfOrder(order.id);
    await runInDurableObject(ledger, (_instance, state) => state.storage.sql.exec('DELETE FROM orders WHERE id = ?', order.id));
    expect((await send(h.sign.sepayApikey({ id: nextTxId(), amount: 20_000, content: order.paymentCode }))).status).toBe(200);
    await settled(ledger);
    expect((await h.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 20_000 });
    const adopted = await runInDurableObject(
      ledger,
      (_instance, state) => state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM orders WHERE id = ?', order.id).one().n,
    );
    expect(adopted).toBe(1);
  });

  it('by assign: matchedBy manual, once; 409 for a matched payment and for a second assign; 404 across merchants', async () => {
    const h = await merchantWithHooks();
    const order = await h.merchant.order({ amount: 30_000 });
    const other = await h.merchant.order({ amount: 30_000 });
    expect((await send(h.sign.sepayApikey({ id: nextTxId(), amount: 30_000, content: 'tien an trua' }))).status).toBe(200);
    await settled(await ledgerOfOrder(order.id));
    const [parked] = await unmatched(h);
    const assigned = await h.merchant.api('POST', `/v1/payments/${parked!.id}/assign`, { orderId: order.id });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({ id: parked!.id, orderId: order.id, matchedBy: 'manual', amount: 30_000 });
    expect((await h.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 30_000 });
    for (const target of [order.id, other.id]) {
      const again = await h.merchant.api('POST', `/v1/payments/${parked!.id}/assign`, { orderId: target });
      expect(again.status).toBe(409);
      expect(again.headers.get('content-type')).toBe('application/problem+json');
    }
    const stranger = await merchantWithHooks();
    const theirs = await stranger.merchant.order({ amount: 30_000 });
    expect((await stranger.merchant.api('POST', `/v1/payments/${parked!.id}/assign`, { orderId: theirs.id })).status).toBe(404);
    expect((await h.merchant.api('POST', `/v1/payments/${parked!.id}/assign`, { orderId: theirs.id })).status).toBe(404);
    expect((await h.merchant.api('GET', `/v1/orders/${other.id}`)).body.amountPaid).toBe(0);
    expect(await eventsOfType(h, 'order.paid')).toHaveLength(1);
  });

  it('two assigns of one payment racing to two orders: exactly one wins', async () => {
    const h = await merchantWithHooks();
    const a = await h.merchant.order({ amount: 10_000 });
    const b = await h.merchant.order({ amount: 10_000 });
    expect((await send(h.sign.sepayApikey({ id: nextTxId(), amount: 10_000, content: 'khong ma' }))).status).toBe(200);
    await settled(await ledgerOfOrder(a.id));
    const [parked] = await unmatched(h);
    const answers = await Promise.all([a, b].map((o) => h.merchant.api('POST', `/v1/payments/${parked!.id}/assign`, { orderId: o.id })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const paid = await Promise.all([a, b].map(async (o) => (await h.merchant.api('GET', `/v1/orders/${o.id}`)).body.amountPaid));
    expect(paid.sort()).toEqual([0, 10_000]);
  });
});

describe("a payment code paid into another of the merchant's accounts", () => {
  it("is recorded once, by the order's ledger, however often it is reported", async () => {
    const h = await merchantWithHooks();
    const second = String(Math.floor(1e9 + Math.random() * 9e9));
    const feed = await h.merchant.account({
      provider: 'sepay',
      apiKey: 'a-sepay-key-of-16-chars',
      bank: '970436',
      accountNumber: second,
      accountName: 'SHOP A',
    });
    const order = await h.merchant.order({ amount: 70_000 });
    const body = JSON.stringify({
      id: Number(nextTxId()),
      gateway: 'Vietcombank',
      transactionDate: '2026-11-30 10:00:00',
      accountNumber: second,
      content: `TT ${order.paymentCode}`,
      transferType: 'in',
      transferAmount: 70_000,
      referenceCode: 'FT99887766',
      accumulated: 0,
    });
    const headers = { 'content-type': 'application/json', authorization: 'Apikey a-sepay-key-of-16-chars' };
    for (let i = 0; i < 3; i++) expect((await send({ path: `/hooks/sepay/${feed.id}`, headers, body })).status).toBe(200);
    const theirLedger = ledgerNamed(`${h.merchant.id}:${second}`);
    await settled(theirLedger);
    await settled(await ledgerOfOrder(order.id));
    expect((await h.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 70_000 });
    const payments = (await h.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ accountNumber: second, matchedBy: 'payment_code', providerAccountId: feed.id });
    expect(await eventsOfType(h, 'payment.received')).toHaveLength(1);
    expect(await eventsOfType(h, 'order.paid')).toHaveLength(1);
  });
});
