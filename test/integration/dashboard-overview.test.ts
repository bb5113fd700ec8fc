import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lastDays, shortDay } from '../../src/dashboard/format';
import { call } from '../fixtures/app';
import { cassoCallback } from '../fixtures/casso';
import { dashboardMerchant, linksOf, textOf } from '../fixtures/dashboard';
import { ledgerOfOrder } from '../fixtures/ledger';
import { interceptFetch } from '../fixtures/outbound-fetch';
import { DIRECT_ACCOUNT } from '../fixtures/shapes';

const HOOK = 'https://merchant.example/hooks';
const DAY_MS = 86_400_000;

afterEach(() => vi.restoreAllMocks());

/** The amounts the chart draws, by day label, from its screen-reader table. */
function chartTable(html: string): Record<string, string> {
  const table = /<table class="sr-only">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return Object.fromEntries([...table.matchAll(/<th scope="row">([^<]+)<\/th><td>([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]));
}

describe('dashboard overview', () => {
  it('money today and per day over 7 days (Vietnam days), paid and open orders', async () => {
    const { merchant, account, browser } = await dashboardMerchant();
    const paid = [];
    for (const amount of [120_000, 30_000, 45_000]) {
      const order = await merchant.order({ providerAccountId: account.id, amount });
      expect((await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {})).status).toBe(202);
      paid.push(order);
    }
    await merchant.order({ providerAccountId: account.id, amount: 99_000 });
    // The 45.000 transfer came three days ago (as its bank booked and we received it).
    const old = (await merchant.api('GET', `/v1/orders/${paid[2]!.id}/payments`)).body.data[0].id;
    const threeDaysAgo = new Date(Date.now() - 3 * DAY_MS).toISOString();
    await env.DB.prepare('UPDATE payments SET received_at = ? WHERE id = ?').bind(threeDaysAgo, old).run();

    const page = await browser.get('/dashboard');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toMatch(/Nhận hôm nay 150\.000 ₫ 2 giao dịch/);
    expect(text).toMatch(/7 ngày qua 195\.000 ₫ 3 giao dịch/);
    expect(text).toMatch(/Đơn đã thanh toán \(7 ngày\) 3 hôm nay: 3/);
    expect(text).toMatch(/Đơn đang mở 1/);

    const days = lastDays(Date.now(), 7);
    const table = chartTable(page.html);
    expect(Object.keys(table)).toEqual(days.map(shortDay));
    expect(table[shortDay(days[6]!)]).toBe('150.000\u00a0₫');
    expect(table[shortDay(days[3]!)]).toBe('45.000\u00a0₫');
    expect(Object.values(table).filter((v) => v === '0\u00a0₫')).toHaveLength(5);
    const bars = [...page.html.matchAll(/<rect class="bar( today)?"[^>]*height="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(bars).toHaveLength(7);
    expect(bars[6]).toBe(110);
    expect(bars[3]).toBeCloseTo(110 * (45 / 150), 0);
    expect(page.html).toMatch(/<svg viewBox="[^"]+" role="img" aria-labelledby="week-title"/);
  });

  it('what needs action: unmatched payments, failing and disabled endpoints, each linked', async () => {
    interceptFetch({ '*': () => new Response('down', { status: 500 }) });
    const { merchant, account, browser } = await dashboardMerchant();
    const calm = textOf((await browser.get('/dashboard')).html);
    expect(calm).not.toContain('chưa khớp với đơn nào');

    const checksumKey = 'overview-casso-checksum-0001';
    const casso = await merchant.account({
      provider: 'casso',
      checksumKey,
      bank: '970436',
      accountNumber: DIRECT_ACCOUNT.accountNumber,
      accountName: 'SHOP',
    });
    for (const content of ['khong co ma', 'cung khong co']) {
      const signed = await cassoCallback(checksumKey, { amount: 10_000, content, accountNumber: DIRECT_ACCOUNT.accountNumber });
      expect((await call('POST', `/hooks/casso/${casso.id}`, { body: signed.body, headers: signed.headers })).status).toBe(200);
    }
    const failing = (await merchant.api('POST', '/v1/endpoints', { url: `${HOOK}/failing`, eventTypes: ['order.canceled'] })).body;
    const disabled = (await merchant.api('POST', '/v1/endpoints', { url: `${HOOK}/off`, eventTypes: ['order.paid'] })).body;
    await merchant.api('PATCH', `/v1/endpoints/${disabled.id}`, { enabled: false });
    const order = await merchant.order({ providerAccountId: account.id });
    await merchant.api('POST', `/v1/orders/${order.id}/cancel`, {});
    await runDurableObjectAlarm(await ledgerOfOrder(order.id));

    const page = await browser.get('/dashboard');
    const text = textOf(page.html);
    expect(text).toContain('2 giao dịch chưa khớp với đơn nào');
    expect(text).toMatch(/Đang lỗi https:\/\/merchant\.example\/hooks\/failing · lỗi từ \d\d:\d\d/);
    expect(text).toMatch(/Đã tắt https:\/\/merchant\.example\/hooks\/off/);
    const links = linksOf(page.html);
    expect(links).toContain('/dashboard/payments?view=unmatched');
    expect(links).toContain(`/dashboard/endpoints/${failing.id}`);
    expect(links).toContain(`/dashboard/endpoints/${disabled.id}`);
    // No retry outlives the test (it would reach the real network once the fetch spy is gone).
    await merchant.api('PATCH', `/v1/endpoints/${failing.id}`, { enabled: false });
  });

  it("every page's HTML stays under 60 KB with full lists", async () => {
    interceptFetch({ '*': () => new Response('x'.repeat(3000), { status: 200 }) });
    const { merchant, account, browser } = await dashboardMerchant();
    const endpoint = (await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: null, description: 'd'.repeat(500) })).body;
    const orders = [];
    for (let i = 0; i < 25; i++) {
      const order = await merchant.order({ providerAccountId: account.id, description: 'Đơn hàng có mô tả dài '.repeat(10).slice(0, 255) });
      orders.push(order);
    }
    for (const order of orders.slice(0, 22)) {
      await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 1_000 });
      await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, { amount: 2_000 });
      await merchant.api('POST', `/v1/orders/${order.id}/cancel`, {});
      await runDurableObjectAlarm(await ledgerOfOrder(order.id));
    }
    const payment = (await merchant.api('GET', '/v1/payments')).body.data[0].id;
    const sizes: Record<string, number> = {};
    for (const path of [
      '/dashboard',
      '/dashboard/orders',
      '/dashboard/orders/new',
      `/dashboard/orders/${orders[0]!.id}`,
      '/dashboard/payments',
      `/dashboard/payments/${payment}`,
      '/dashboard/endpoints',
      `/dashboard/endpoints/${endpoint.id}`,
      '/dashboard/accounts',
      `/dashboard/accounts/${account.id}`,
      '/dashboard/accounts/new?provider=vietqr',
    ]) {
      const res = await browser.get(path);
      expect(res.status, path).toBe(200);
      sizes[path] = new TextEncoder().encode(res.html).byteLength;
    }
    for (const [path, bytes] of Object.entries(sizes)) expect(bytes, `${path}: ${bytes} bytes`).toBeLessThan(60 * 1024);
    // The lists were full: the orders page has a next page and the endpoint log 20 deliveries.
    expect(sizes['/dashboard/orders']).toBeGreaterThan(10_000);
  });
});
