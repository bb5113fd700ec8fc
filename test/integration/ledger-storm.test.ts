import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { BASE } from '../fixtures/app';
import { countingDb } from '../fixtures/counting-db';
import { merchantWithHooks, nextTxId, send } from '../fixtures/hooks';
import { ledgerOfOrder, settled } from '../fixtures/ledger';

describe('storms', () => {
  it('200 concurrent copies of one transfer over three feeds (Casso, SePay, VietQR.vn): one payment, one order.paid, one report per feed', async () => {
    const h = await merchantWithHooks();
    const order = await h.merchant.order({ amount: 80_000 });
    const reference = `FT${nextTxId()}STORM`;
    const content = `${order.paymentCode} thanh toan`;
    const bearer = await h.sign.vietqrBearer();
    const feeds = [
      await h.sign.casso({ id: nextTxId(), amount: 80_000, content, reference }),
      h.sign.sepayApikey({ id: nextTxId(), amount: 80_000, content, reference }),
      h.sign.vietqrSync({ id: nextTxId(), amount: 80_000, content, reference }, bearer),
    ];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => send(feeds[i % 3]!)));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    await settled(await ledgerOfOrder(order.id));
    const payments = (await h.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments).toHaveLength(1);
    expect(payments[0].reports.map((r: { providerAccountId: string }) => r.providerAccountId).sort()).toEqual(
      [h.accounts.casso.id, h.accounts.sepay.id, h.accounts.vietqr.id].sort(),
    );
    const vietqrAnswers = new Set(answers.filter((_, i) => i % 3 === 2).map((a) => a.body.object?.reftransactionid));
    expect([...vietqrAnswers]).toEqual([payments[0].id]);
    expect((await h.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 80_000 });
    const events = (await h.merchant.api('GET', '/v1/events?limit=100')).body.data.map((e: { type: string }) => e.type).sort();
    expect(events).toEqual(['order.paid', 'payment.received']);
  });
});

describe('D1 stays off the callback path', () => {
  it('a callback for a registered order, its account cached, runs no D1 statement before it is acknowledged', async () => {
    const app = createApp();
    const { bindings, statements } = countingDb();
    const h = await merchantWithHooks();
    const post = async (signed: { path: string; headers: Record<string, string>; body: string }) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(
        new Request(`${BASE}${signed.path}`, { method: 'POST', headers: signed.headers, body: signed.body }),
        bindings,
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res;
    };
    const first = await h.merchant.order({ amount: 10_000 });
    expect((await post(h.sign.sepayApikey({ id: nextTxId(), amount: 10_000, content: first.paymentCode }))).status).toBe(200);
    const second = await h.merchant.order({ amount: 10_000 });
    statements.length = 0;
    expect((await post(h.sign.sepayApikey({ id: nextTxId(), amount: 10_000, content: second.paymentCode }))).status).toBe(200);
    expect(statements).toEqual([]);
    await settled(await ledgerOfOrder(second.id));
    expect((await h.merchant.api('GET', `/v1/orders/${second.id}`)).body.status).toBe('paid');
  });
});
