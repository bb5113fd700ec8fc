import { beforeAll, describe, expect, it } from 'vitest';
import type { SandboxTransaction } from '../../src/providers/inbound/types';
import { merchantWithHooks, nextTxId, paymentsOf, type Signed, send } from '../fixtures/hooks';

// The whole path: an authentic callback settles the order it names, is answered in the provider's
// own success format, and a repeat of it is one payment.
let hooks: Awaited<ReturnType<typeof merchantWithHooks>>;

beforeAll(async () => {
  hooks = await merchantWithHooks();
});

const orderState = async (orderId: string) => (await hooks.merchant.api('GET', `/v1/orders/${orderId}`)).body;
const paymentsOfOrder = async (orderId: string) => (await hooks.merchant.api('GET', `/v1/orders/${orderId}/payments`)).body.data;

async function paidTwice(build: (tx: SandboxTransaction) => Promise<Signed> | Signed, provider: string, success: unknown) {
  const order = await hooks.merchant.order({ amount: 40_000 });
  const tx = { providerTransactionId: nextTxId(), amount: 40_000, content: `TT ${order.paymentCode.toLowerCase()} cam on` };
  const signed = await build(tx);
  const first = await send(signed);
  expect(first.status).toBe(200);
  expect(first.body).toEqual(success);
  expect(await orderState(order.id)).toMatchObject({ status: 'paid', amountPaid: 40_000 });
  const second = await send(signed);
  expect(second.status).toBe(200);
  expect(second.body).toEqual(first.body);
  const payments = await paymentsOfOrder(order.id);
  expect(payments).toHaveLength(1);
  expect(payments[0]).toMatchObject({
    provider,
    providerTransactionId: tx.providerTransactionId,
    amount: 40_000,
    matchedBy: 'payment_code',
    orderId: order.id,
  });
  return payments[0];
}

const asTx = (tx: SandboxTransaction) => ({ id: tx.providerTransactionId, amount: tx.amount, content: tx.content });
const successTrue = { success: true };

describe("an authentic callback settles the order once, answered the provider's way", () => {
  it('casso → {"success":true}', async () => {
    const payment = await paidTwice((tx) => hooks.sign.casso(asTx(tx)), 'casso', successTrue);
    expect(payment.bankReference).toBe(`FT${payment.providerTransactionId}`);
  });

  it('tingee → {"code":"00","message":"OK"}', async () => {
    await paidTwice((tx) => hooks.sign.tingee(asTx(tx)), 'tingee', { code: '00', message: 'OK' });
  });

  it('sepay with Apikey, and with HMAC → {"success":true}', async () => {
    await paidTwice((tx) => hooks.sign.sepayApikey(asTx(tx)), 'sepay', successTrue);
    await paidTwice((tx) => hooks.sign.sepayHmac(asTx(tx)), 'sepay', successTrue);
  });

  it('payos → {"success":true}', async () => {
    await paidTwice((tx) => hooks.sign.payos(asTx(tx)), 'payos', successTrue);
  });

  it('bankhub on its token URL → {"success":true}', async () => {
    await paidTwice((tx) => hooks.sign.bankhub(asTx(tx)), 'bankhub', successTrue);
  });

  it('vietqr token_generate then transaction-sync → reftransactionid is the payment id, the same on a retry', async () => {
    const token = await hooks.sign.vietqrBearer();
    const order = await hooks.merchant.order({ amount: 25_000 });
    const signed = hooks.sign.vietqrSync(
      { id: crypto.randomUUID(), amount: 25_000, content: `QR VQR712a7d45ea ${order.paymentCode} Ma giao dich Trace756759` },
      token,
    );
    expect(signed.body).toContain('"amount":25000.0,');
    const first = await send(signed);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      error: false,
      errorReason: null,
      toastMessage: '',
      object: { reftransactionid: expect.stringMatching(/^pay_/) },
    });
    const [payment] = await paymentsOfOrder(order.id);
    expect(payment.id).toBe(first.body.object.reftransactionid);
    expect((await send(signed)).body.object.reftransactionid).toBe(payment.id);
  });
});

describe('verified callbacks that settle nothing are still acknowledged', () => {
  it('sepay transferType "out": {"success":true}, nothing stored', async () => {
    const order = await hooks.merchant.order({ amount: 70_000 });
    const res = await send(hooks.sign.sepayApikey({ id: nextTxId(), amount: 70_000, content: order.paymentCode }, undefined, 'out'));
    expect([res.status, res.body]).toEqual([200, successTrue]);
    expect(await orderState(order.id)).toMatchObject({ status: 'pending', amountPaid: 0 });
  });

  it('vietqr debit (transType "D"): success with VietQR\'s own transaction id as reftransactionid', async () => {
    const token = await hooks.sign.vietqrBearer();
    const order = await hooks.merchant.order({ amount: 25_000 });
    const id = crypto.randomUUID();
    const res = await send(hooks.sign.vietqrSync({ id, amount: 25_000, content: order.paymentCode }, token, 'D'));
    expect([res.status, res.body]).toEqual([200, { error: false, errorReason: null, toastMessage: '', object: { reftransactionid: id } }]);
    expect(await orderState(order.id)).toMatchObject({ status: 'pending', amountPaid: 0 });
  });

  it('bankhub GRANT webhook: {"success":true}, nothing stored', async () => {
    const before = await paymentsOf(hooks.accounts.bankhub.id);
    const res = await send(hooks.sign.bankhub({ id: nextTxId(), amount: 1, content: 'x' }, undefined, 'GRANT'));
    expect([res.status, res.body]).toEqual([200, successTrue]);
    expect(await paymentsOf(hooks.accounts.bankhub.id)).toBe(before);
  });

  it('a payment matching no order is acknowledged and parked as unmatched', async () => {
    const id = `REF${nextTxId()}`;
    const res = await send(await hooks.sign.payos({ id, amount: 3_000, content: 'VQRIO123', orderCode: 123 }));
    expect([res.status, res.body]).toEqual([200, successTrue]);
    const unmatched = (await hooks.merchant.api('GET', '/v1/payments?unmatched=true&limit=100')).body.data;
    expect(unmatched.find((p: { providerTransactionId: string }) => p.providerTransactionId === id)).toMatchObject({
      orderId: null,
      amount: 3_000,
      matchedBy: null,
    });
  });
});
