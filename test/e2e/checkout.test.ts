import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMerchant } from './api';
import { launchChromium, PHONE } from './browser';
import { type DevServer, startDevServer } from './dev-server';

const RESULTS = 'test-results';

let server: DevServer;
let browser: Browser;
let merchant: Awaited<ReturnType<typeof newMerchant>>;
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
  merchant = await newMerchant(server.base, server.adminToken);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A phone-sized page that records script errors and CSP violations, which every test then expects none of. */
async function phonePage(context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await browser.newContext({ ...PHONE }));
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  const page = await ctx.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The shop the payer returns to is not ours to judge (there, Chromium's /favicon.ico request is a 404).
    const onCheckout = new URL(page.url()).pathname.startsWith('/pay/');
    if (message.type() === 'error' && onCheckout) problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  return page;
}

describe('the checkout page in Chromium', () => {
  it('shows the QR and amount, copies the account number, fits 390 px, and turns paid within 3 s of a payment', async () => {
    const order = await merchant.order({ returnUrl: `${server.base}/healthz?back=1` });
    const page = await phonePage();
    await page.goto(order.checkoutUrl);

    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.locator('.qr svg').isVisible()).toBe(true);
    expect(await page.locator('.amount').textContent()).toBe('50.000\u00a0₫');
    expect(await page.textContent('main')).toContain(order.paymentCode);

    const copy = page.locator(`button[data-copy="${order.bank.accountNumber}"]`);
    await copy.click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(order.bank.accountNumber);
    expect(await copy.textContent()).toBe('Đã chép');

    const width = await page.evaluate<{ scroll: number; client: number }>(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await page.screenshot({ path: `${RESULTS}/checkout-pending-390.png`, fullPage: true });

    const started = Date.now();
    await merchant.pay(order.id);
    await page.locator('main[data-status="paid"]').waitFor({ timeout: 3_000 });
    const timeToPaid = Date.now() - started;
    await expect.poll(() => page.locator('.state-paid').isVisible()).toBe(true);
    expect(await page.locator('.qr').isVisible()).toBe(false);
    await page.screenshot({ path: `${RESULTS}/checkout-paid-390.png`, fullPage: true });

    await page.waitForURL(`${server.base}/healthz?back=1`, { timeout: 8_000 });
    writeFileSync(`${RESULTS}/checkout-time-to-paid.json`, `${JSON.stringify({ timeToPaidMs: timeToPaid })}\n`);
    console.log(`checkout: paid shown ${timeToPaid} ms after the sandbox payment`);
  });

  it('shows what is still due after a partial payment', async () => {
    const order = await merchant.order({ amount: 50_000 });
    const page = await phonePage();
    await page.goto(`${order.checkoutUrl}?lang=en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await merchant.pay(order.id, { amount: 20_000 });
    await page.locator('main[data-status="partially_paid"]').waitFor({ timeout: 3_000 });
    expect(await page.locator('.state-partial .due').textContent()).toBe('30.000\u00a0₫');
    expect(await page.locator('.qr').isVisible()).toBe(true);
    await page.screenshot({ path: `${RESULTS}/checkout-partial-390.png`, fullPage: true });
  });

  it('turns canceled within 3 s when the merchant cancels', async () => {
    const order = await merchant.order();
    const page = await phonePage();
    await page.goto(order.checkoutUrl);
    await merchant.cancel(order.id);
    await page.locator('main[data-status="canceled"]').waitFor({ timeout: 3_000 });
    expect(await page.locator('.state-canceled').isVisible()).toBe(true);
    expect(await page.locator('.qr').isVisible()).toBe(false);
  });

  it('counts down and shows the order expired when its time runs out', async () => {
    const order = await merchant.order({ expiresInSeconds: 900 });
    const page = await phonePage();
    await page.clock.install();
    await page.goto(order.checkoutUrl);
    expect(await page.locator('[data-countdown]').textContent()).toMatch(/^1[45]:\d\d$/);
    await page.clock.fastForward('05:00');
    await expect.poll(() => page.locator('[data-countdown]').textContent()).toMatch(/^(09|10):\d\d$/);
    await page.clock.fastForward('10:30');
    await page.locator('main[data-status="expired"]').waitFor({ timeout: 3_000 });
    expect(await page.locator('.state-expired').isVisible()).toBe(true);
  });

  it('still shows every detail with JavaScript off, without dead copy buttons', async () => {
    const order = await merchant.order();
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(order.checkoutUrl);
    expect(await page.locator('.qr svg').isVisible()).toBe(true);
    const text = await page.textContent('main');
    for (const value of [order.bank.accountNumber, order.bank.accountName, order.paymentCode, '50.000']) expect(text).toContain(value);
    expect(await page.locator('button[data-copy]').first().isVisible()).toBe(false);
    await context.close();
  });

  it('is a light page: no requests but the page itself and its status polls', async () => {
    const order = await merchant.order();
    const page = await phonePage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(order.checkoutUrl);
    await page.waitForRequest((request) => request.url().endsWith(`/pay/${order.id}/status`), { timeout: 5_000 });
    expect(new Set(requested)).toEqual(new Set([`/pay/${order.id}`, `/pay/${order.id}/status`]));

    const html = await (await fetch(order.checkoutUrl)).text();
    const weight = { htmlBytes: Buffer.byteLength(html), gzipBytes: gzipSync(html, { level: 9 }).byteLength };
    writeFileSync(`${RESULTS}/checkout-page-weight.json`, `${JSON.stringify(weight)}\n`);
    console.log(`checkout: page ${weight.htmlBytes} bytes, ${weight.gzipBytes} gzipped`);
    expect(weight.gzipBytes).toBeLessThan(20_000);
  });

  it('logged no script errors and no CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
