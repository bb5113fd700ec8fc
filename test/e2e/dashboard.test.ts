import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './api';
import { launchChromium, PHONE } from './browser';
import { type DevServer, startDevServer } from './dev-server';

// The merchant dashboard in real Chromium against `npm run dev`: every action a merchant takes, on a
// desktop and on a 390 px phone, with screenshots of every page under test-results/dashboard/.

const RESULTS = 'test-results/dashboard';
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };

let server: DevServer;
let browser: Browser;
let hooks: Receiver;
let merchant: { id: string; apiKey: string; accountId: string };
const problems: string[] = [];

/** A merchant endpoint on this machine: answers `statusFor(n)` to its n-th request, and records them. */
interface Receiver {
  url: string;
  requests: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[];
  statusFor: (n: number, path: string) => number;
  close: () => Promise<void>;
}

function startReceiver(): Promise<Receiver> {
  return new Promise((resolve) => {
    const receiver: Receiver = { url: '', requests: [], statusFor: () => 200, close: async () => {} };
    const http: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        receiver.requests.push({ path: req.url ?? '', headers: req.headers, body });
        const n = receiver.requests.filter((r) => r.path === req.url).length;
        res.writeHead(receiver.statusFor(n, req.url ?? ''), { 'content-type': 'text/plain' });
        res.end(`answer ${n}`);
      });
    });
    http.listen(0, '127.0.0.1', () => {
      const address = http.address();
      receiver.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      receiver.close = () => new Promise((done) => http.close(() => done()));
      resolve(receiver);
    });
  });
}

const api = <T = any>(method: string, path: string, body?: unknown) => call<T>(server.base, merchant.apiKey, method, path, body);

async function signInLink(): Promise<string> {
  return (await call<{ url: string }>(server.base, server.adminToken, 'POST', `/v1/admin/merchants/${merchant.id}/dashboard-links`, {}))
    .url;
}

/** A page that records script errors, CSP violations and failed requests, which the last test expects none of. */
async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${page.url()})`);
  });
  page.on('dialog', (dialog) => dialog.accept());
  return page;
}

async function signedInContext(options: Record<string, unknown>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  const page = await openPage(context);
  await page.goto(await signInLink());
  await page.waitForURL(`${server.base}/dashboard`);
  return { context, page };
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${RESULTS}/${name}.png`, fullPage: true });

/** No sideways scrolling: the page fits its viewport's width. */
async function fitsWidth(page: Page): Promise<boolean> {
  const width = await page.evaluate<{ scroll: number; client: number }>(
    '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
  );
  return width.scroll <= width.client;
}

async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  [server, browser, hooks] = await Promise.all([startDevServer(), launchChromium(), startReceiver()]);
  const created = await call<{ id: string; apiKey: string }>(server.base, server.adminToken, 'POST', '/v1/admin/merchants', {
    name: 'Cửa hàng Bánh Mì',
    mode: 'test',
  });
  merchant = { id: created.id, apiKey: created.apiKey, accountId: '' };
  const account = await api<{ id: string }>('POST', '/v1/provider-accounts', {
    provider: 'direct',
    label: 'Vietcombank quầy chính',
    bank: 'VCB',
    accountNumber: '1017595600',
    accountName: 'CONG TY TNHH BANH MI',
  });
  merchant.accountId = account.id;
});

afterAll(async () => {
  await browser?.close();
  await hooks?.close();
  await server?.stop();
});

describe('the merchant dashboard in Chromium', () => {
  let desktop: { context: BrowserContext; page: Page };
  let orderId = '';

  it('signs in with a one-time link and shows the overview with the test badge', async () => {
    desktop = await signedInContext(DESKTOP);
    const { page } = desktop;
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.locator('.mode-test').textContent()).toBe('Thử nghiệm');
    expect(await page.locator('h1').first().textContent()).toContain('Tổng quan');
    const cookies = await desktop.context.cookies();
    const session = cookies.find((c) => c.name === 'dash_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/dashboard' });
    await shot(page, 'overview-desktop');
  });

  it('creates an order from the form and shows its QR at once', async () => {
    const { page } = desktop;
    await page.getByRole('link', { name: 'Tạo đơn mới' }).first().click();
    await page.getByLabel('Số tiền (VND)').fill('50.000');
    await page.getByLabel('Mã đơn').fill('BANHMI-001');
    await page.getByLabel('Mô tả').fill('2 bánh mì thịt');
    await shot(page, 'order-new-desktop');
    await page.getByRole('button', { name: 'Tạo đơn và hiện mã QR' }).click();
    await page.waitForURL(/\/dashboard\/orders\/ord_[0-9a-z]+\?notice=orderCreated$/);
    orderId = /orders\/(ord_[0-9a-z]+)/.exec(page.url())![1]!;
    const qr = page.locator('figure.qr img');
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const order = await api<{ amount: number; paymentCode: string; status: string }>('GET', `/v1/orders/${orderId}`);
    expect(order).toMatchObject({ amount: 50_000, status: 'pending' });
    expect(await page.locator('figure.qr figcaption').textContent()).toBe(order.paymentCode);

    await page.locator(`button[data-copy="${order.paymentCode}"]`).first().click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(order.paymentCode);
    await shot(page, 'order-pending-desktop');
  });

  it('shows the order paid with its payment and its delivery once the transfer comes in', async () => {
    const { page } = desktop;
    await api('POST', '/v1/endpoints', { url: `${hooks.url}/paid`, eventTypes: ['order.paid'] });
    const order = await api<{ id: string }>('POST', '/v1/orders', {
      amount: 20_000,
      reference: 'BANHMI-API',
      providerAccountId: merchant.accountId,
    });
    await api('POST', `/v1/sandbox/orders/${order.id}/pay`, {});
    await until(async () => hooks.requests.some((r) => r.path === '/paid'), 'the order.paid delivery');
    await until(async () => {
      await page.goto(`${server.base}/dashboard/orders/${order.id}`);
      return (await page.locator('#deliveries-h + table').count()) > 0 && (await page.textContent('main'))?.includes('Thành công');
    }, 'the delivery on the order page');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain('Đã thanh toán');
    expect(text).toContain('20.000');
    expect(text).toContain(`${hooks.url}/paid`);
    await shot(page, 'order-paid-desktop');
  });

  it('simulates the payment of the order made from the form, and shows it paid with its delivery', async () => {
    const { page } = desktop;
    await page.goto(`${server.base}/dashboard/orders/${orderId}`);
    await page.getByRole('button', { name: 'Mô phỏng chuyển khoản' }).click();
    await page.waitForURL(/notice=paymentSimulated/);
    expect(await page.locator('h1 .badge').textContent()).toBe('Đã thanh toán');
    await until(async () => {
      await page.reload();
      return (await page.textContent('#deliveries-h + table'))?.includes('Thành công');
    }, 'the simulated payment delivered');
  });

  it('assigns an unmatched payment to its order', async () => {
    const { page } = desktop;
    const casso = await api<{ id: string }>('POST', '/v1/provider-accounts', {
      provider: 'casso',
      checksumKey: 'e2e-casso-checksum-key-000001',
      bank: 'VCB',
      accountNumber: '1017595600',
      accountName: 'CONG TY TNHH BANH MI',
    });
    const target = await api<{ id: string; reference: string }>('POST', '/v1/orders', {
      amount: 35_000,
      reference: 'BANHMI-LOST',
      providerAccountId: merchant.accountId,
    });
    await api('POST', `/v1/sandbox/provider-accounts/${casso.id}/callback`, { amount: 35_000, content: 'chuyen khoan banh mi' });
    await page.goto(`${server.base}/dashboard/payments?view=unmatched`);
    await page
      .getByRole('link', { name: /Chưa khớp.*Gán/ })
      .first()
      .click();
    await page.getByLabel('Mã đơn hoặc mã thanh toán').fill('BANHMI-LOST');
    await page.getByRole('button', { name: 'Tìm đơn' }).click();
    await page.getByRole('button', { name: 'Gán cho BANHMI-LOST' }).click();
    await page.waitForURL(/notice=paymentAssigned/);
    expect(await api<{ status: string }>('GET', `/v1/orders/${target.id}`)).toMatchObject({ status: 'paid' });
    await shot(page, 'payment-assigned-desktop');
  });

  it('replays a failed delivery from the endpoint log', async () => {
    const { page } = desktop;
    // The first attempt and the automatic retry 5 s later fail; the next automatic retry would be minutes away.
    hooks.statusFor = (n, path) => (path === '/flaky' && n <= 2 ? 500 : 200);
    const endpoint = await api<{ id: string }>('POST', '/v1/endpoints', { url: `${hooks.url}/flaky`, eventTypes: ['order.canceled'] });
    const order = await api<{ id: string }>('POST', '/v1/orders', {
      amount: 15_000,
      reference: 'BANHMI-CANCEL',
      providerAccountId: merchant.accountId,
    });
    await api('POST', `/v1/orders/${order.id}/cancel`, {});
    await until(async () => hooks.requests.filter((r) => r.path === '/flaky').length >= 2, 'two failed attempts', 30_000);
    await until(async () => {
      await page.goto(`${server.base}/dashboard/endpoints/${endpoint.id}`);
      return (await page.textContent('#log-h + table'))?.match(/#2 ✗ 500/);
    }, 'the second failure in the log');
    await shot(page, 'endpoint-failing-desktop');
    await page.getByRole('button', { name: 'Gửi lại' }).first().click();
    await page.waitForURL(/notice=deliveryReplayed/);
    await until(async () => hooks.requests.filter((r) => r.path === '/flaky').length >= 3, 'the replayed attempt');
    await until(async () => {
      await page.reload();
      return (await page.textContent('#log-h + table'))?.includes('#3 ✓ 200');
    }, 'the replay in the log');
    const ids = new Set(hooks.requests.filter((r) => r.path === '/flaky').map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    await page.locator('#log-h + table a').first().click();
    await page.waitForURL(/\/deliveries\//);
    expect(await page.locator('pre').first().textContent()).toBe('answer 1');
    await shot(page, 'delivery-desktop');
  });

  it('rotates an endpoint secret: the page shows the new one, which the API returns too', async () => {
    const { page } = desktop;
    const endpoint = (await api<{ data: { id: string; url: string }[] }>('GET', '/v1/endpoints')).data.find((e) =>
      e.url.endsWith('/flaky'),
    )!;
    const old = (await api<{ secret: string }>('GET', `/v1/endpoints/${endpoint.id}/secret`)).secret;
    await page.goto(`${server.base}/dashboard/endpoints/${endpoint.id}`);
    await page.getByRole('button', { name: 'Đổi khóa' }).click();
    await page.locator('.secret code').waitFor();
    const shown = await page.locator('.secret code').textContent();
    const fresh = (await api<{ secret: string }>('GET', `/v1/endpoints/${endpoint.id}/secret`)).secret;
    expect(shown).toBe(fresh);
    expect(fresh).not.toBe(old);
    await shot(page, 'endpoint-rotated-desktop');
  });

  it('creates a provider account with its own form and shows where to paste its webhook URL', async () => {
    const { page } = desktop;
    await page.goto(`${server.base}/dashboard/accounts`);
    await shot(page, 'accounts-desktop');
    await page.goto(`${server.base}/dashboard/accounts/new?provider=sepay`);
    await page.getByLabel('API Key').fill('e2e-sepay-api-key-0000000001');
    await page.getByLabel('Ngân hàng').fill('VCB');
    await page.getByLabel('Số tài khoản').fill('1017595600');
    await page.getByLabel('Chủ tài khoản').fill('CONG TY TNHH BANH MI');
    await shot(page, 'account-new-desktop');
    await page.getByRole('button', { name: 'Lưu tài khoản' }).click();
    await page.waitForURL(/\/dashboard\/accounts\/pa_[0-9a-z]+\?notice=accountCreated$/);
    const url = await page.locator('#hooks-h ~ dl code').first().textContent();
    expect(url).toMatch(new RegExp(`^${server.base}/hooks/sepay/pa_[0-9a-z]+$`));
    expect(await page.textContent('.guide')).toContain('my.sepay.vn');
    await page.locator('#hooks-h ~ dl button[data-copy]').first().click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
    await shot(page, 'account-desktop');
  });

  it('switches to English, and stays English on the next pages', async () => {
    const { page } = desktop;
    await page.goto(`${server.base}/dashboard`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('Orders');
    await shot(page, 'orders-en-desktop');
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('takes a screenshot of every page on the desktop, each well under 60 KB of HTML', async () => {
    const { page } = desktop;
    const payment = (await api<{ data: { id: string }[] }>('GET', '/v1/payments')).data[0]!.id;
    const endpoint = (await api<{ data: { id: string }[] }>('GET', '/v1/endpoints')).data[0]!.id;
    const sizes: Record<string, number> = {};
    for (const [name, path] of [
      ['orders', '/dashboard/orders'],
      ['payments', '/dashboard/payments'],
      ['payments-unmatched', '/dashboard/payments?view=unmatched'],
      ['payment', `/dashboard/payments/${payment}`],
      ['endpoints', '/dashboard/endpoints'],
      ['endpoint', `/dashboard/endpoints/${endpoint}`],
      ['overview-later', '/dashboard'],
    ] as const) {
      const res = await page.goto(`${server.base}${path}`);
      sizes[name] = Buffer.byteLength((await res?.text()) ?? '');
      await shot(page, `${name}-desktop`);
    }
    writeFileSync(`${RESULTS}/page-sizes.json`, `${JSON.stringify(sizes, null, 2)}\n`);
    for (const [name, bytes] of Object.entries(sizes)) expect(bytes, name).toBeLessThan(60 * 1024);
  });

  it('works on a 390 px phone: every page fits the width, with the keyboard-reachable navigation', async () => {
    const phone = await signedInContext(PHONE);
    const { page } = phone;
    const endpoint = (await api<{ data: { id: string }[] }>('GET', '/v1/endpoints')).data[0]!.id;
    const payment = (await api<{ data: { id: string }[] }>('GET', '/v1/payments')).data[0]!.id;
    const account = (await api<{ data: { id: string }[] }>('GET', '/v1/provider-accounts')).data[0]!.id;
    const wide: string[] = [];
    for (const [name, path] of [
      ['overview', '/dashboard'],
      ['orders', '/dashboard/orders'],
      ['order-new', '/dashboard/orders/new'],
      ['order', `/dashboard/orders/${orderId}`],
      ['payments', '/dashboard/payments'],
      ['payment', `/dashboard/payments/${payment}`],
      ['endpoints', '/dashboard/endpoints'],
      ['endpoint', `/dashboard/endpoints/${endpoint}`],
      ['accounts', '/dashboard/accounts'],
      ['account', `/dashboard/accounts/${account}`],
      ['account-new', '/dashboard/accounts/new?provider=vietqr'],
    ] as const) {
      await page.goto(`${server.base}${path}`);
      if (!(await fitsWidth(page))) wide.push(name);
      await shot(page, `${name}-390`);
    }
    expect(wide).toEqual([]);

    // A counter sale on the phone: type an amount, get the QR.
    await page.goto(`${server.base}/dashboard/orders/new`);
    await page.getByLabel('Số tiền (VND)').fill('25000');
    await page.getByRole('button', { name: 'Tạo đơn và hiện mã QR' }).click();
    await page.waitForURL(/notice=orderCreated/);
    expect(await page.locator('figure.qr img').isVisible()).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, 'order-created-390');

    // The keyboard: the skip link first, then the page.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('skip');
    await phone.context.close();
  });

  it('the sign-in page, and signing out', async () => {
    const { page, context } = desktop;
    await page.goto(`${server.base}/dashboard`);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dashboard\/sign-in\?signed-out=1$/);
    await shot(page, 'sign-in-desktop');
    await page.goto(`${server.base}/dashboard/orders`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/sign-in');
    await page.getByLabel('Khóa API').fill(merchant.apiKey);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${server.base}/dashboard/orders`);
    await context.close();
  });

  it('logged no script errors and no CSP violations', () => {
    expect(problems).toEqual([]);
    expect(existsSync(`${RESULTS}/overview-390.png`)).toBe(true);
  });
});
