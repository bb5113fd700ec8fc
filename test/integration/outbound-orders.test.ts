import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_ACCOUNTS, type FakeProviderName, installFakeProvider, OUTAGE } from '../fixtures/fake-provider';
import { newMerchant } from '../fixtures/merchant';

let fake: ReturnType<typeof installFakeProvider>;
beforeEach(() => {
  fake = installFakeProvider();
});
afterEach(() => fake.restore());

const providers = Object.keys(FAKE_ACCOUNTS) as FakeProviderName[];

async function setup(provider: FakeProviderName) {
  const merchant = await newMerchant();
  const account = await merchant.account(FAKE_ACCOUNTS[provider]);
  return { merchant, account };
}

const listOrders = async (merchant: Awaited<ReturnType<typeof newMerchant>>) =>
  (await merchant.api('GET', '/v1/orders')).body.data as unknown[];

describe.each(providers)('orders through %s', (provider) => {
  it('shows the QR the provider returned, with the payment code sent as the transfer content', async () => {
    const { merchant, account } = await setup(provider);
    const res = await merchant.api('POST', '/v1/orders', { amount: 123_000, reference: `OUT-${provider}`, providerAccountId: account.id });
    expect(res.status, res.text).toBe(201);
    const order = res.body;

    const [request] = fake.qrRequests();
    expect(fake.qrRequests()).toHaveLength(1);
    expect(request?.status).toBe(200);
    expect(request?.json.amount).toBe(123_000);
    expect(JSON.stringify(request?.json)).toContain(order.paymentCode);
    const answer = request?.answer as { qrPay?: { qrCode: string }; data?: { qrCode: string }; qrCode?: string };
    expect(order.qr.payload).toBe(answer.qrPay?.qrCode ?? answer.data?.qrCode ?? answer.qrCode);
    expect(order).toMatchObject({ provider, providerAccountId: account.id, status: 'pending' });
    expect(order.transferContent).toContain(order.paymentCode);
  });

  it("answers a provider outage with 502 carrying the provider's message, and keeps no order", async () => {
    const { merchant, account } = await setup(provider);
    fake.fail(500);
    const body = { amount: 10_000, reference: `FAIL-${provider}`, providerAccountId: account.id };
    const res = await merchant.api('POST', '/v1/orders', body);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.detail).toContain(OUTAGE);
    expect(await listOrders(merchant)).toHaveLength(0);

    fake.fail(null);
    const retried = await merchant.api('POST', '/v1/orders', body);
    expect(retried.status, retried.text).toBe(201);
    expect(retried.body.reference).toBe(body.reference);
  });
});

describe('provider error bodies', () => {
  it('a payOS error code in an HTTP 200 is a 502 naming the code and message', async () => {
    const { merchant, account } = await setup('payos');
    fake.fail(200, { code: '231', desc: 'Đơn thanh toán đã tồn tại', data: null });
    const res = await merchant.api('POST', '/v1/orders', { amount: 10_000, reference: 'DUP-1', providerAccountId: account.id });
    expect(res.status).toBe(502);
    expect(res.body.detail).toContain('231');
    expect(res.body.detail).toContain('Đơn thanh toán đã tồn tại');
    expect(await listOrders(merchant)).toHaveLength(0);
  });

  it('credentials the provider refuses are a 502 with its error', async () => {
    const merchant = await newMerchant();
    const account = await merchant.account({ ...FAKE_ACCOUNTS.tingee, secretToken: 'not-the-secret' });
    const res = await merchant.api('POST', '/v1/orders', { amount: 10_000, reference: 'BADSIG-1', providerAccountId: account.id });
    expect(res.status).toBe(502);
    expect(res.body.detail).toContain('invalid signature');
  });

  it('one VietQR token serves many orders of the account', async () => {
    const { merchant, account } = await setup('vietqr');
    for (let i = 0; i < 3; i++) {
      const res = await merchant.api('POST', '/v1/orders', { amount: 10_000, reference: `TOK-${i}`, providerAccountId: account.id });
      expect(res.status, res.text).toBe(201);
    }
    expect(fake.paths().filter((path) => path === '/api/token_generate')).toHaveLength(1);
  });
});
