import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREDS, installPullFakes, setupAccount, transfer, webhook } from '../fixtures/pull-fakes';

/*
 * GET /v1/orders/{id}?refresh=true: the one-order form of a status run (src/reconcile/check-order.ts).
 * It asks the order's provider (payOS payment-request status, its signature verified; VietQR.vn
 * check-order) and settles what it reports through the ledger, as a reconciliation run would.
 */

afterEach(() => vi.restoreAllMocks());

describe('GET /v1/orders/{id}?refresh=true', () => {
  it('payOS: nothing yet → unchanged; paid at payOS → settled once; the late webhook is the same payment', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('payos');
    const order = await s.order(50_000);

    const early = await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`);
    expect(early.body).toMatchObject({ status: 'pending', amountPaid: 0 });
    const lookup = fakes.pulls('payos').at(-1)!;
    expect(lookup.url.pathname).toBe(`/v2/payment-requests/${fakes.payosLink(order.paymentCode)!.paymentLinkId}`);
    expect(lookup.headers).toMatchObject({ 'x-client-id': CREDS.payos.clientId, 'x-api-key': CREDS.payos.apiKey });

    const tx = transfer(fakes, s, order);
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body).toMatchObject({ status: 'paid', amountPaid: 50_000 });
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body).toMatchObject({ status: 'paid', amountPaid: 50_000 });
    expect((await webhook(fakes, s, order, tx)).status).toBe(200);

    const payments = (await s.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      providerTransactionId: tx.reference,
      bankReference: tx.reference,
      matchedBy: 'reference',
      amount: 50_000,
    });
    const events = (await s.merchant.api('GET', '/v1/events?limit=100')).body.data.filter((e: any) => e.data.order?.id === order.id);
    expect(events.filter((e: any) => e.type === 'order.paid')).toHaveLength(1);
    expect(events.find((e: any) => e.type === 'payment.received').data.payment.reports[0].via).toBe('reconciliation');
  });

  it('payOS: a status whose signature does not verify is a 502 and settles nothing', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('payos');
    const order = await s.order();
    transfer(fakes, s, order);
    fakes.fail('payos', 'bad-signature');
    const res = await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`);
    expect(res.status).toBe(502);
    expect(res.body.detail).toContain('payos error BAD_SIGNATURE');
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data).toEqual([]);
  });

  it('VietQR.vn: check-order by our orderId with the MD5 checksum; an unpaid row leaves the order; paid transfers settle', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('vietqr');
    const order = await s.order(50_000);
    const vietqrOrder = fakes.vietqrOrder(order.paymentCode)!;

    expect((await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body).toMatchObject({ status: 'pending' });
    const check = fakes.pulls('vietqr').at(-1)!;
    expect(check.status).toBe(200); // the fake checked the token and checkSum, and answered the unpaid order
    expect(check.json).toMatchObject({ bankAccount: vietqrOrder.bankAccount, type: 0, value: vietqrOrder.orderId });

    const first = transfer(fakes, s, order, { amount: 20_000 });
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body).toMatchObject({
      status: 'partially_paid',
      amountPaid: 20_000,
    });
    transfer(fakes, s, order, { amount: 30_000 });
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body).toMatchObject({ status: 'paid', amountPaid: 50_000 });
    const payments = (await s.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    // check-order names no transaction id: the bank reference is the report's id (CONTRACT §9).
    expect(payments.map((p: any) => p.amount).sort()).toEqual([20_000, 30_000]);
    expect(payments.find((p: any) => p.amount === 20_000)).toMatchObject({
      providerTransactionId: first.reference,
      bankReference: first.reference,
    });
  });

  it('a provider that cannot answer is a 502 problem and the order is unchanged', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('payos');
    const order = await s.order();
    fakes.fail('payos', 503);
    const res = await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.detail).toContain('payos');
    fakes.fail('payos', null);
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'pending', amountPaid: 0 });
  });

  it('no lookup for closed orders, providers without one, or without refresh=true', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('payos');
    const order = await s.order();
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}`)).status).toBe(200);
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=false`)).status).toBe(200);
    expect(fakes.pulls('payos')).toEqual([]);
    expect((await s.merchant.api('POST', `/v1/orders/${order.id}/cancel`, {})).status).toBe(200);
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body.status).toBe('canceled');
    const direct = await s.merchant.order();
    expect((await s.merchant.api('GET', `/v1/orders/${direct.id}?refresh=true`)).body.status).toBe('pending');
    expect((await s.merchant.api('GET', `/v1/orders/${direct.id}?refresh=maybe`)).status).toBe(422);
    expect(fakes.pulls('payos')).toEqual([]);
  });
});
