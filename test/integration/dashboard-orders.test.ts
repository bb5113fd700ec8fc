import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dashboardMerchant, formTo, linksOf, signedIn, textOf } from '../fixtures/dashboard';
import { ledgerOfOrder } from '../fixtures/ledger';
import { newMerchant } from '../fixtures/merchant';
import { merchantEndpoint } from '../fixtures/merchant-endpoint';
import { installPullFakes, setupAccount, transfer } from '../fixtures/pull-fakes';

afterEach(() => vi.restoreAllMocks());

/** Makes every pending delivery of the order happen now (the order's Durable Object alarm). */
const deliverNow = async (orderId: string) => runDurableObjectAlarm(await ledgerOfOrder(orderId));

/** A merchant endpoint behind the fetch spy that answers 200 and records what it got. */
function receiver(url = 'https://merchant.example/hooks') {
  const got = merchantEndpoint(url, () => new Response('thanks', { status: 200 }));
  return { url, got };
}

describe('dashboard orders: list, search, filter by the clock', () => {
  it('lists orders newest first with cursor pages, searches by reference (or its start) and by payment code', async () => {
    const { merchant, account, browser } = await dashboardMerchant();
    const orders = [];
    for (let i = 0; i < 23; i++)
      orders.push(await merchant.order({ providerAccountId: account.id, reference: `LIST-${String(i).padStart(2, '0')}` }));
    const first = await browser.get('/dashboard/orders');
    expect(first.status).toBe(200);
    const refs = (html: string) => [...html.matchAll(/>(LIST-\d\d)</g)].map((m) => m[1]);
    expect(refs(first.html)).toEqual(
      orders
        .slice(3)
        .reverse()
        .map((o) => o.reference),
    );
    const next = linksOf(first.html).find((href) => href.includes('cursor='))!;
    const second = await browser.get(next);
    expect(refs(second.html)).toEqual(['LIST-02', 'LIST-01', 'LIST-00']);

    expect(refs((await browser.get('/dashboard/orders?q=LIST-07')).html)).toEqual(['LIST-07']);
    expect(refs((await browser.get('/dashboard/orders?q=LIST-1')).html)).toEqual([
      'LIST-19',
      'LIST-18',
      'LIST-17',
      'LIST-16',
      'LIST-15',
      'LIST-14',
      'LIST-13',
      'LIST-12',
      'LIST-11',
      'LIST-10',
    ]);
    const byCode = await browser.get(`/dashboard/orders?q=${orders[4]!.paymentCode.toLowerCase()}`);
    expect(refs(byCode.html)).toEqual(['LIST-04']);
    expect(textOf((await browser.get('/dashboard/orders?q=NOPE-1')).html)).toContain('Không tìm thấy đơn nào');
    expect(refs((await browser.get('/dashboard/orders?q=LIST-0&status=pending')).html)).toHaveLength(10);
    expect(refs((await browser.get('/dashboard/orders?q=LIST-0&status=paid')).html)).toEqual([]);
    expect(refs((await browser.get(`/dashboard/orders?q=${orders[9]!.id}`)).html)).toEqual(['LIST-09']);
    // A search's pages keep the search.
    const searched = await browser.get('/dashboard/orders?q=LIST-');
    expect(refs(searched.html)).toHaveLength(20);
    const more = linksOf(searched.html).find((href) => href.includes('cursor='))!;
    expect(more).toContain('q=LIST-');
    expect(refs((await browser.get(more)).html)).toEqual(['LIST-02', 'LIST-01', 'LIST-00']);
    expect((await browser.get('/dashboard/orders?cursor=garbage&status=bogus')).status).toBe(200);
  });

  it("shows the clock's status: an open order past its expiry and grace is expired, in the list, the filters and its page", async () => {
    const { merchant, account, browser } = await dashboardMerchant();
    const late = await merchant.order({ providerAccountId: account.id, reference: 'CLOCK-LATE' });
    const fresh = await merchant.order({ providerAccountId: account.id, reference: 'CLOCK-FRESH' });
    // Expired 10 minutes ago by its stored time; nothing has run since (its row still says pending).
    await env.DB.prepare('UPDATE orders SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 600_000).toISOString(), late.id)
      .run();
    const expired = await browser.get('/dashboard/orders?status=expired');
    expect(expired.html).toContain('CLOCK-LATE');
    expect(expired.html).not.toContain('CLOCK-FRESH');
    const pending = await browser.get('/dashboard/orders?status=pending');
    expect(pending.html).toContain('CLOCK-FRESH');
    expect(pending.html).not.toContain('CLOCK-LATE');
    const page = await browser.get(`/dashboard/orders/${late.id}`);
    expect(page.html).toMatch(/<h1>[\s\S]*s-expired[\s\S]*<\/h1>/);
    expect(page.html).not.toContain('/cancel');
    expect((await browser.get(`/dashboard/orders/${fresh.id}`)).html).toContain('/cancel');
  });
});

describe('dashboard: the new order form', () => {
  it('shows field errors from the order schema, keeps what was typed, and creates nothing', async () => {
    const { merchant, browser } = await dashboardMerchant();
    const form = formTo((await browser.get('/dashboard/orders/new')).html, '/dashboard/orders');
    const bad = await browser.submit(form, { amount: '0', reference: 'has spaces!', description: 'Bánh mì' });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-amount-error"/);
    expect(bad.html).toMatch(/id="f-reference-error"[^>]*>Expected 1–64 characters/);
    expect(bad.html).toContain('value="has spaces!"');
    expect(bad.html).toContain('value="Bánh mì"');
    expect(bad.html).toMatch(/aria-invalid="true"/);
    expect((await merchant.api('GET', '/v1/orders')).body.data).toHaveLength(0);
  });

  it('creates the order and shows its QR at once; a taken reference is a field error', async () => {
    const { merchant, browser } = await dashboardMerchant();
    const form = formTo((await browser.get('/dashboard/orders/new')).html, '/dashboard/orders');
    const created = await browser.submit(form, { amount: '125.000', reference: 'POS-0001', description: 'Cà phê' });
    expect(created.status).toBe(303);
    const id = /\/dashboard\/orders\/(ord_[0-9a-z]+)\?notice=orderCreated$/.exec(created.location!)?.[1];
    expect(id).toBeTruthy();
    const order = (await merchant.api('GET', `/v1/orders/${id}`)).body;
    expect(order).toMatchObject({ amount: 125_000, reference: 'POS-0001', description: 'Cà phê', expiresAt: expect.any(String) });
    const page = await browser.get(created.location!);
    expect(page.html).toContain(`<img src="/qr/${id}.svg?size=320"`);
    expect(page.html).toContain('125.000\u00a0₫');
    expect(page.html).toContain(order.paymentCode);
    expect(textOf(page.html)).toContain('Đã tạo đơn');

    const again = await browser.submit(form, { amount: '5000', reference: 'POS-0001' });
    expect(again.status).toBe(409);
    expect(again.html).toMatch(/id="f-reference-error"[^>]*>An order with this reference already exists/);
    expect((await merchant.api('GET', '/v1/orders')).body.data).toHaveLength(1);
  });
});

describe('dashboard: the order page and its actions', () => {
  it("another merchant's order and an unknown one are 404", async () => {
    const { browser } = await dashboardMerchant();
    const stranger = await newMerchant();
    const theirs = await stranger.order({ providerAccountId: (await stranger.account()).id });
    expect((await browser.get(`/dashboard/orders/${theirs.id}`)).status).toBe(404);
    expect((await browser.get('/dashboard/orders/ord_doesnotexist')).status).toBe(404);
    const mine = await signedIn(stranger);
    const cancel = formTo((await mine.get(`/dashboard/orders/${theirs.id}`)).html, '/cancel');
    expect(
      (await browser.post(cancel.action, [['csrf', formTo((await browser.get('/dashboard')).html, '/sign-out').fields[0]![1]]])).status,
    ).toBe(404);
    expect((await stranger.api('GET', `/v1/orders/${theirs.id}`)).body.status).toBe('pending');
  });

  it('cancel: the order is canceled, the timeline shows it, and its delivery with attempts; a second cancel is refused', async () => {
    const hook = receiver();
    const { merchant, account, browser } = await dashboardMerchant();
    await merchant.api('POST', '/v1/endpoints', { url: hook.url, eventTypes: null });
    const order = await merchant.order({ providerAccountId: account.id });
    const page = await browser.get(`/dashboard/orders/${order.id}`);
    const done = await browser.submit(formTo(page.html, '/cancel'));
    expect(done.status).toBe(303);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body.status).toBe('canceled');
    await deliverNow(order.id);
    expect(hook.got).toHaveLength(1);

    const after = await browser.get(done.location!);
    const text = textOf(after.html);
    expect(text).toContain('Đã hủy đơn.');
    expect(text).toContain('Đơn bị hủy');
    expect(text).toContain(hook.url);
    expect(text).toMatch(/#1 ✓ 200 · \d+ ms/);
    expect(after.html).not.toContain('/cancel');

    const twice = await browser.submit(formTo(page.html, '/cancel'));
    expect(twice.status).toBe(409);
    expect(textOf(twice.html)).toContain('Không thể hủy');
  });

  it('refresh asks the provider and settles what it reports (payOS status, faked and signed)', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('payos');
    const order = await s.order(50_000);
    const browser = await signedIn(s.merchant);
    const page = await browser.get(`/dashboard/orders/${order.id}`);
    transfer(fakes, s, order);
    const done = await browser.submit(formTo(page.html, '/refresh'));
    expect(done.status).toBe(303);
    expect((await s.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 50_000 });
    const after = textOf((await browser.get(done.location!)).html);
    expect(after).toContain('Đã thanh toán');
    expect(after).toContain('Khớp theo mã tham chiếu của nhà cung cấp');
  });

  it('a direct account has no provider lookup: no refresh button; the checkout link is there to copy', async () => {
    const { merchant, account, browser } = await dashboardMerchant();
    const order = await merchant.order({ providerAccountId: account.id });
    const html = (await browser.get(`/dashboard/orders/${order.id}`)).html;
    expect(html).not.toContain('/refresh');
    expect(html).toContain(`data-copy="${order.checkoutUrl}"`);
    expect(html).toContain(`href="${order.checkoutUrl}"`);
  });

  it('simulate payment: only in test mode, the amount is checked before anything is sent', async () => {
    const live = await dashboardMerchant('live');
    const liveOrder = await live.merchant.order({ providerAccountId: live.account.id });
    const livePage = await live.browser.get(`/dashboard/orders/${liveOrder.id}`);
    expect(livePage.html).not.toContain('/simulate');
    expect(livePage.html).toContain('mode-live');
    const csrf = formTo(livePage.html, '/cancel').fields.find(([name]) => name === 'csrf')!;
    expect((await live.browser.post(`/dashboard/orders/${liveOrder.id}/simulate`, [csrf])).status).toBe(403);

    const { merchant, account, browser } = await dashboardMerchant();
    const order = await merchant.order({ providerAccountId: account.id });
    const page = await browser.get(`/dashboard/orders/${order.id}`);
    expect(page.html).toContain('mode-test');
    const bad = await browser.submit(formTo(page.html, '/simulate'), { amount: '-5' });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-amount-error"/);
    expect((await merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data).toHaveLength(0);
  });

  it('simulate payment pays the order through the real path: paid on its page, with its payment and delivery', async () => {
    const hook = receiver();
    const { merchant, account, browser } = await dashboardMerchant();
    await merchant.api('POST', '/v1/endpoints', { url: hook.url, eventTypes: ['order.paid'] });
    const order = await merchant.order({ providerAccountId: account.id, amount: 70_000 });
    const done = await browser.submit(formTo((await browser.get(`/dashboard/orders/${order.id}`)).html, '/simulate'));
    expect(done.status).toBe(303);
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'paid', amountPaid: 70_000 });
    await deliverNow(order.id);
    const text = textOf((await browser.get(done.location!)).html);
    expect(text).toContain('Đã thanh toán');
    expect(text).toContain('Mô phỏng');
    expect(text).toMatch(/#1 ✓ 200/);
  });
});
