import { env } from 'cloudflare:workers';
import { QRPay } from 'vietnam-qr-pay';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, call } from '../fixtures/app';
import { newMerchant, type TestMerchant } from '../fixtures/merchant';
import { DIRECT_ACCOUNT } from '../fixtures/shapes';

const db = env.DB;
const countOrders = async (merchantId: string) =>
  (await db.prepare('SELECT count(*) AS n FROM orders WHERE merchant_id = ?').bind(merchantId).first<{ n: number }>())?.n;

let merchant: TestMerchant;
let accountId: string;
beforeAll(async () => {
  merchant = await newMerchant();
  accountId = (await merchant.account()).id;
});

describe('POST /v1/orders', () => {
  it('returns the full order, with a VietQR for the account, amount and payment code', async () => {
    const body = {
      amount: 123_000,
      reference: 'INV-1001',
      providerAccountId: accountId,
      description: 'Don hang kiem thu',
      expiresInSeconds: 900,
      returnUrl: 'https://shop.example/thanks',
      metadata: { cart: 'A1', items: [1, 2] },
    };
    const res = await merchant.api('POST', '/v1/orders', body);
    expect(res.status).toBe(201);
    const order = res.body;
    expect(order).toEqual({
      id: expect.stringMatching(/^ord_[0-9a-z]{26}$/),
      object: 'order',
      status: 'pending',
      amount: 123_000,
      amountPaid: 0,
      currency: 'VND',
      reference: 'INV-1001',
      description: 'Don hang kiem thu',
      paymentCode: expect.stringMatching(/^QR[A-HJ-NP-Z2-9]{7}$/),
      providerAccountId: accountId,
      provider: 'direct',
      qr: { payload: expect.stringMatching(/^000201/), svgUrl: `${BASE}/qr/${order.id}.svg` },
      bank: {
        bin: '970436',
        shortName: 'VCB',
        name: expect.any(String),
        accountNumber: DIRECT_ACCOUNT.accountNumber,
        accountName: DIRECT_ACCOUNT.accountName,
      },
      transferContent: order.paymentCode,
      checkoutUrl: `${BASE}/pay/${order.id}`,
      returnUrl: 'https://shop.example/thanks',
      expiresAt: new Date(Date.parse(order.createdAt) + 900_000).toISOString(),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      paidAt: null,
      metadata: { cart: 'A1', items: [1, 2] },
    });
    const qr = new QRPay(order.qr.payload);
    expect(qr.isValid).toBe(true);
    expect([qr.consumer.bankBin, qr.consumer.bankNumber, qr.amount, qr.initMethod]).toEqual([
      '970436',
      DIRECT_ACCOUNT.accountNumber,
      '123000',
      '12',
    ]);
    expect(qr.additionalData.purpose).toBe(order.paymentCode);
  });

  it('defaults: no description, returnUrl or metadata; expires in 900 s; the only QR account is chosen', async () => {
    const shop = await newMerchant();
    const account = await shop.account();
    await shop.account({ provider: 'casso', checksumKey: 'k'.repeat(16), bank: 'VCB', accountNumber: '1', accountName: 'A' });
    const order = await shop.order({ reference: 'DEFAULTS' });
    expect(order).toMatchObject({ providerAccountId: account.id, description: null, returnUrl: null, metadata: {} });
    expect(Date.parse(order.expiresAt) - Date.parse(order.createdAt)).toBe(900_000);
  });

  it('payment codes are distinct per order', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add((await merchant.order({ providerAccountId: accountId })).paymentCode);
    expect(codes.size).toBe(5);
  });

  it('without providerAccountId: 422 naming it when there is no QR account, or several', async () => {
    const shop = await newMerchant();
    const none = await shop.api('POST', '/v1/orders', { amount: 1000, reference: 'R1' });
    expect(none.status).toBe(422);
    expect(none.body.errors[0].path).toBe('providerAccountId');
    await shop.account({ provider: 'sepay', apiKey: 'k'.repeat(16), bank: 'VCB', accountNumber: '1', accountName: 'A' });
    expect((await shop.api('POST', '/v1/orders', { amount: 1000, reference: 'R1' })).status).toBe(422);
    await shop.account();
    await shop.account();
    const several = await shop.api('POST', '/v1/orders', { amount: 1000, reference: 'R1' });
    expect(several.status).toBe(422);
    expect(several.body.detail).toMatch(/providerAccountId/);
    expect(await countOrders(shop.id)).toBe(0);
  });

  it('an account that only receives callbacks cannot create orders (422)', async () => {
    const casso = await merchant.account({
      provider: 'casso',
      checksumKey: 'k'.repeat(16),
      bank: 'VCB',
      accountNumber: '1',
      accountName: 'A',
    });
    const res = await merchant.api('POST', '/v1/orders', { amount: 1000, reference: 'CASSO-1', providerAccountId: casso.id });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'providerAccountId', message: expect.stringMatching(/cannot create QR/) }]);
  });

  it('a second order with the same reference is 409 naming the first', async () => {
    const order = await merchant.order({ providerAccountId: accountId, reference: 'DUP-1' });
    const res = await merchant.api('POST', '/v1/orders', { amount: 1000, reference: 'DUP-1', providerAccountId: accountId });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.detail).toContain(order.id);
  });

  const valid = () => ({ amount: 1000, reference: 'VALID-1', providerAccountId: accountId });
  const invalid: [string, Record<string, unknown>][] = [
    ['amount', { amount: 0 }],
    ['amount', { amount: 500_000_001 }],
    ['amount', { amount: 1000.5 }],
    ['amount', { amount: '1000' }],
    ['reference', { reference: 'bad ref!' }],
    ['reference', { reference: 'x'.repeat(65) }],
    ['reference', { reference: '' }],
    ['expiresInSeconds', { expiresInSeconds: 59 }],
    ['expiresInSeconds', { expiresInSeconds: 604_801 }],
    ['returnUrl', { returnUrl: 'ftp://shop.example' }],
    ['returnUrl', { returnUrl: 'thanks.html' }],
    ['metadata', { metadata: { blob: 'x'.repeat(4100) } }],
    ['metadata', { metadata: [1, 2] }],
    ['providerAccountId', { providerAccountId: 'pa_doesnotexist00000000000' }],
    ['foo', { foo: 1 }],
  ];
  for (const [path, patch] of invalid) {
    it(`422 naming ${path} for ${JSON.stringify(patch).slice(0, 60)}, and nothing created`, async () => {
      const shop = await newMerchant();
      const account = await shop.account();
      const res = await shop.api('POST', '/v1/orders', { ...valid(), providerAccountId: account.id, ...patch });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await countOrders(shop.id)).toBe(0);
    });
  }

  it('accepts the edges: amount 1 and 500000000, a 64-character reference, 60 s and 7 days', async () => {
    for (const patch of [
      { amount: 1 },
      { amount: 500_000_000 },
      { reference: `A.b_c:d-${'9'.repeat(56)}` },
      { expiresInSeconds: 60 },
      { expiresInSeconds: 604_800 },
    ]) {
      const res = await merchant.api('POST', '/v1/orders', { ...valid(), reference: `EDGE-${crypto.randomUUID().slice(0, 8)}`, ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(201);
    }
  });

  it('400 malformed JSON, 413 over 64 KiB, 415 not JSON, 401 without a valid key; nothing created', async () => {
    const shop = await newMerchant();
    const account = await shop.account();
    const post = (raw: string, type = 'application/json', token = shop.apiKey) =>
      call('POST', '/v1/orders', { token, body: raw, headers: { 'content-type': type } });
    const body = JSON.stringify({ amount: 1000, reference: 'RAW-1', providerAccountId: account.id });
    expect((await post('{"amount": 5')).status).toBe(400);
    expect((await post(JSON.stringify({ amount: 1000, reference: 'RAW-1', metadata: { blob: 'x'.repeat(70 * 1024) } }))).status).toBe(413);
    expect((await post(body, 'text/plain')).status).toBe(415);
    // CONTRACT §1: a body is application/json; other JSON-based formats are other formats.
    for (const type of ['application/merge-patch+json', 'application/vnd.api+json', 'text/json'])
      expect((await post(body, type)).status, type).toBe(415);
    expect((await post(body, 'application/json', 'sk_test_wrong')).status).toBe(401);
    expect((await call('POST', '/v1/orders', { body })).status).toBe(401);
    for (const res of [await post('{'), await post(body, 'text/plain')])
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await countOrders(shop.id)).toBe(0);
    expect((await post(body, 'application/json; charset=utf-8')).status).toBe(201);
  });

  it('a validation failure says the body failed validation (it is well-formed JSON), with the fields in errors[]', async () => {
    const res = await merchant.api('POST', '/v1/orders', { amount: 0, reference: 'VAL-1', providerAccountId: accountId });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'validation_failed', detail: 'The request body failed validation: see errors' });
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['amount']);
  });
});

describe('GET /v1/orders', () => {
  it('gets one, lists newest first across pages, filters by status and reference', async () => {
    const shop = await newMerchant();
    const account = await shop.account();
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await shop.order({ providerAccountId: account.id, reference: `LIST-${i}` }));
    expect((await shop.api('GET', `/v1/orders/${created[0]!.id}`)).body).toEqual(created[0]);
    const first = await shop.api('GET', '/v1/orders?limit=2');
    expect(first.body.data.map((o: { id: string }) => o.id)).toEqual([created[2]!.id, created[1]!.id]);
    const second = await shop.api('GET', `/v1/orders?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body).toEqual({ data: [created[0]], nextCursor: null });
    expect((await shop.api('GET', '/v1/orders?reference=LIST-1')).body.data.map((o: { id: string }) => o.id)).toEqual([created[1]!.id]);
    expect((await shop.api('GET', '/v1/orders?status=paid')).body).toEqual({ data: [], nextCursor: null });
    await shop.api('POST', `/v1/orders/${created[1]!.id}/cancel`);
    expect((await shop.api('GET', '/v1/orders?status=canceled')).body.data.map((o: { id: string }) => o.id)).toEqual([created[1]!.id]);
    expect((await shop.api('GET', '/v1/orders?status=nope')).status).toBe(422);
    expect((await shop.api('GET', '/v1/orders?limit=101')).status).toBe(422);
  });

  it('unknown order is a 404 problem', async () => {
    const res = await merchant.api('GET', '/v1/orders/ord_nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('POST /v1/orders/{id}/cancel', () => {
  it('cancels a pending order; a second cancel is 409', async () => {
    const order = await merchant.order({ providerAccountId: accountId });
    const res = await merchant.api('POST', `/v1/orders/${order.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...order, status: 'canceled' });
    const again = await merchant.api('POST', `/v1/orders/${order.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/canceled/);
  });

  it('takes no fields: a body with one is 422 and the order stays open; an empty object is fine', async () => {
    const order = await merchant.order({ providerAccountId: accountId });
    const res = await merchant.api('POST', `/v1/orders/${order.id}/cancel`, { reason: 'x' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'reason', message: 'Unknown field' }]);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body.status).toBe('pending');
    expect((await merchant.api('POST', `/v1/orders/${order.id}/cancel`, {})).body.status).toBe('canceled');
  });

  // States reached the way they really are: sandbox payments settle through the order's DO.
  it('a paid order cannot be canceled (409) and stays paid', async () => {
    const order = await merchant.order({ providerAccountId: accountId, amount: 20_000 });
    expect((await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {})).status).toBe(202);
    const res = await merchant.api('POST', `/v1/orders/${order.id}/cancel`);
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/paid/);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 20_000 });
  });

  it('cancels a partially paid order, keeping what was paid', async () => {
    const order = await merchant.order({ providerAccountId: accountId, amount: 20_000 });
    expect((await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 1000 })).status).toBe(202);
    const res = await merchant.api('POST', `/v1/orders/${order.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'canceled', amountPaid: 1000 });
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'canceled', amountPaid: 1000 });
  });

  it('unknown order is 404', async () => {
    expect((await merchant.api('POST', '/v1/orders/ord_nope/cancel')).status).toBe(404);
  });
});
