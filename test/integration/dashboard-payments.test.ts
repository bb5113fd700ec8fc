import { describe, expect, it } from 'vitest';
import { call } from '../fixtures/app';
import { cassoCallback } from '../fixtures/casso';
import { dashboardMerchant, formsOf, formTo, signedIn, textOf } from '../fixtures/dashboard';
import { ledgerOfOrder, settled } from '../fixtures/ledger';
import { newMerchant } from '../fixtures/merchant';
import { DIRECT_ACCOUNT } from '../fixtures/shapes';

/** A merchant whose Casso feed reported a transfer that names no order: one unmatched payment. */
async function withUnmatchedPayment() {
  const setup = await dashboardMerchant();
  const checksumKey = 'casso-checksum-key-for-dashboard';
  const casso = await setup.merchant.account({
    provider: 'casso',
    checksumKey,
    bank: '970436',
    accountNumber: DIRECT_ACCOUNT.accountNumber,
    accountName: 'SHOP',
  });
  const order = await setup.merchant.order({ providerAccountId: setup.account.id, amount: 80_000, reference: 'ASSIGN-ME' });
  const signed = await cassoCallback(checksumKey, {
    amount: 80_000,
    content: 'chuyen tien don hang',
    accountNumber: DIRECT_ACCOUNT.accountNumber,
  });
  const hook = await call('POST', `/hooks/casso/${casso.id}`, { body: signed.body, headers: signed.headers });
  expect(hook.status).toBe(200);
  await settled(await ledgerOfOrder(order.id)); // the same account's ledger; D1 follows its commit
  const [payment] = (await setup.merchant.api('GET', '/v1/payments?unmatched=true')).body.data as { id: string; orderId: null }[];
  expect(payment).toBeTruthy();
  return { ...setup, casso, order, payment: payment!, callbackBody: signed.body };
}

describe('dashboard payments', () => {
  it('lists all payments and the unmatched queue with its count; a matched one links to its order', async () => {
    const { merchant, account, browser, payment } = await withUnmatchedPayment();
    const paidOrder = await merchant.order({ providerAccountId: account.id, amount: 30_000 });
    expect((await merchant.api('POST', `/v1/sandbox/orders/${paidOrder.id}/pay`, {})).status).toBe(202);

    const all = await browser.get('/dashboard/payments');
    expect(all.html).toContain(`/dashboard/payments/${payment.id}`);
    expect(all.html).toContain(`/dashboard/orders/${paidOrder.id}`);
    expect(all.html).toContain('80.000\u00a0₫');
    expect(all.html).toContain('30.000\u00a0₫');
    const unmatched = await browser.get('/dashboard/payments?view=unmatched');
    expect(unmatched.html).toContain(`/dashboard/payments/${payment.id}`);
    expect(unmatched.html).not.toContain(`/dashboard/orders/${paidOrder.id}`);
    expect(unmatched.html).toMatch(/Chưa khớp <span class="badge b-bad">1<\/span>/);
    expect(textOf((await browser.get('/dashboard')).html)).toContain('1 giao dịch chưa khớp với đơn nào');
  });

  it("a payment's page shows every report and the provider's raw body, for audit", async () => {
    const { browser, payment } = await withUnmatchedPayment();
    const page = await browser.get(`/dashboard/payments/${payment.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('chuyen tien don hang');
    expect(text).toMatch(/Webhook · casso/);
    expect(text).toContain('NGUYEN VAN A');
    expect(page.html).toMatch(/<pre>\{\n {2}&quot;error&quot;: 0,/);
    expect(page.html).toContain('&quot;counterAccountBankName&quot;: &quot;VietinBank&quot;');
  });

  it('assign: the order is found by payment code or reference; a refused or wrong post changes nothing', async () => {
    const { merchant, browser, payment, order } = await withUnmatchedPayment();
    const byCode = await browser.get(`/dashboard/payments/${payment.id}?q=${order.paymentCode}`);
    const assign = formTo(byCode.html, '/assign');
    expect(assign.fields).toContainEqual(['orderId', order.id]);
    expect(formTo((await browser.get(`/dashboard/payments/${payment.id}?q=ASSIGN`)).html, '/assign').fields).toContainEqual([
      'orderId',
      order.id,
    ]);
    expect(
      formsOf((await browser.get(`/dashboard/payments/${payment.id}?q=NOTHING-LIKE-IT`)).html).filter((f) => f.action.endsWith('/assign')),
    ).toEqual([]);

    expect((await browser.submit(assign, { csrf: 'forged' })).status).toBe(403);
    const stranger = await newMerchant();
    const theirs = await stranger.order({ providerAccountId: (await stranger.account()).id });
    const foreign = await browser.submit(assign, { orderId: theirs.id });
    expect(foreign.status).toBe(404);
    expect(textOf(foreign.html)).toContain('Không tìm thấy đơn này');
    expect((await merchant.api('GET', '/v1/payments?unmatched=true')).body.data).toHaveLength(1);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body.amountPaid).toBe(0);
  });

  it("another merchant's payment is 404", async () => {
    const { payment } = await withUnmatchedPayment();
    const other = await signedIn(await newMerchant());
    expect((await other.get(`/dashboard/payments/${payment.id}`)).status).toBe(404);
    expect((await other.get('/dashboard/payments/pay_unknown')).status).toBe(404);
  });

  it('assign moves the payment onto the order: matched manually, the order paid, the queue empty', async () => {
    const { merchant, browser, payment, order } = await withUnmatchedPayment();
    const assign = formTo((await browser.get(`/dashboard/payments/${payment.id}?q=${order.reference}`)).html, '/assign');
    const done = await browser.submit(assign);
    expect(done.status).toBe(303);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 80_000 });
    expect((await merchant.api('GET', '/v1/payments?unmatched=true')).body.data).toHaveLength(0);
    const text = textOf((await browser.get(done.location!)).html);
    expect(text).toContain('gán thủ công');
    expect(text).toContain('ASSIGN-ME');
    expect((await browser.submit(assign)).status).toBe(409);
  });
});
