import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeVietQr } from '../../src/qr/vietqr';
import { newMerchant } from './api';
import { DESKTOP, launchChromium, PHONE } from './browser';
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

type Size = 'phone' | 'desktop';
const WIDTH: Record<Size, number> = { phone: 390, desktop: 1280 };

/** A page that records script errors and CSP violations, which the last test expects none of. */
async function openPage(size: Size = 'phone', context?: BrowserContext): Promise<Page> {
  const ctx = context ?? (await browser.newContext({ ...(size === 'phone' ? PHONE : DESKTOP), acceptDownloads: true }));
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

const shot = (page: Page, state: string, size: Size) => page.screenshot({ path: `${RESULTS}/checkout-${state}-${WIDTH[size]}.png` });

/** What a phone's scanner reads from PNG bytes: decoded, padded with white, scanned by jsQR. */
function scanPng(bytes: Buffer): string {
  const image = PNG.sync.read(bytes);
  const pad = 32;
  const width = image.width + 2 * pad;
  const height = image.height + 2 * pad;
  const canvas = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < image.height; y++)
    canvas.set(image.data.subarray(y * image.width * 4, (y + 1) * image.width * 4), ((y + pad) * width + pad) * 4);
  const code = jsQR(canvas, width, height);
  if (!code) throw new Error(`no QR code in the ${image.width}×${image.height} PNG`);
  return code.data;
}

/** Saves the QR as the payer would (the download link) and scans the saved file. */
async function saveAndScan(page: Page): Promise<{ text: string; fileName: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download]').click()]);
  const path = await download.path();
  return { text: scanPng(readFileSync(path)), fileName: download.suggestedFilename() };
}

/** The QR image as the page shows it, fetched the way the <img> does (same URL, same origin). */
async function shownQr(page: Page): Promise<string> {
  const src = await page.locator('img.qr-img').evaluate((img) => (img as HTMLImageElement).currentSrc);
  const bytes = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), src);
  return scanPng(Buffer.from(bytes));
}

/** Bottom edge of each element, in CSS px from the top of the page as first shown. */
async function bottoms(page: Page, selectors: Record<string, string>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, selector] of Object.entries(selectors)) {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${name} (${selector}) is not shown`);
    out[name] = Math.ceil(box.y + box.height);
  }
  return out;
}

const ABOVE_THE_FOLD = {
  amount: '.summary .amount',
  status: '[data-status-text]',
  qr: 'img.qr-img',
  account: '.field.account',
  content: '.field.content',
};

/** A small logo a shop might host: 96×32, a red bar, served on loopback for the branding PATCH to fetch. */
function logoServer(): Promise<Server> {
  const png = new PNG({ width: 96, height: 32 });
  for (let i = 0; i < 96 * 32; i++) png.data.set([192, 57, 43, 255], i * 4);
  const body = PNG.sync.write(png);
  const logo = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(body));
  return new Promise((resolve) => logo.listen(0, '127.0.0.1', () => resolve(logo)));
}

describe('the checkout page in Chromium', () => {
  it('shows the QR and amount, copies the account number, fits 390 px, and turns paid within 3 s of a payment', async () => {
    const order = await merchant.order({ returnUrl: `${server.base}/healthz?back=1` });
    const page = await openPage();
    await page.goto(order.checkoutUrl);

    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect.poll(() => page.locator('img.qr-img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(520);
    expect(await page.locator('.summary .amount').textContent()).toBe('50.000\u00a0₫');
    expect(await page.textContent('main')).toContain(order.paymentCode);

    const copy = page.locator(`button[data-copy="${order.bank.accountNumber}"]`);
    await copy.click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(order.bank.accountNumber);
    expect(await copy.textContent()).toBe('Đã chép');

    const width = await page.evaluate<{ scroll: number; client: number }>(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await page.screenshot({ path: `${RESULTS}/checkout-pending-390-full.png`, fullPage: true });

    const started = Date.now();
    await merchant.pay(order.id);
    await page.locator('main[data-status="paid"]').waitFor({ timeout: 3_000 });
    const timeToPaid = Date.now() - started;
    await expect.poll(() => page.locator('.state-paid').isVisible()).toBe(true);
    expect(await page.locator('.qr-img').isVisible()).toBe(false);
    expect(await page.locator('.state-paid [data-paid-amount]').textContent()).toBe('50.000\u00a0₫');
    expect(await page.locator('.state-paid').textContent()).toMatch(/\d\d:\d\d \d\d\/\d\d\/\d{4} \(giờ Việt Nam \(UTC\+7\)\)/);
    await shot(page, 'paid', 'phone');

    await page.waitForURL(`${server.base}/healthz?back=1`, { timeout: 8_000 });
    writeFileSync(`${RESULTS}/checkout-time-to-paid.json`, `${JSON.stringify({ timeToPaidMs: timeToPaid })}\n`);
    console.log(`checkout: paid shown ${timeToPaid} ms after the sandbox payment`);
  });

  it('saves the QR as a PNG named for the order that scans to the order’s payload', async () => {
    const order = await merchant.order();
    const page = await openPage();
    await page.goto(order.checkoutUrl);
    const saved = await saveAndScan(page);
    expect(saved.text).toBe(order.qr.payload);
    expect(saved.fileName).toBe(`QR-${order.reference}.png`);
    expect(await page.locator('a[download]').textContent()).toContain('Tải ảnh QR');
    expect(await shownQr(page)).toBe(order.qr.payload);
  });

  it('after a partial payment shows, saves and scans the QR for what is still due', async () => {
    const order = await merchant.order({ amount: 50_000 });
    for (const size of ['phone', 'desktop'] as const) {
      const page = await openPage(size);
      await page.goto(`${order.checkoutUrl}?lang=en`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      if (size === 'phone') {
        await merchant.pay(order.id, { amount: 20_000 });
        await page.locator('main[data-status="partially_paid"]').waitFor({ timeout: 3_000 });
      }
      await expect.poll(() => page.locator('img.qr-img').getAttribute('src')).toContain('remaining=true');
      await expect.poll(() => page.locator('img.qr-img').evaluate((img) => (img as HTMLImageElement).complete)).toBe(true);
      expect(await page.locator('.summary .amount').textContent()).toBe('30.000\u00a0₫');
      expect(await page.locator('.summary .partial-only').textContent()).toContain('Received 20.000\u00a0₫');
      const shown = decodeVietQr(await shownQr(page));
      const saved = decodeVietQr((await saveAndScan(page)).text);
      const original = decodeVietQr(order.qr.payload);
      if (!shown.ok || !saved.ok || !original.ok) throw new Error('not a VietQR');
      for (const read of [shown.value, saved.value]) {
        expect([read.amount, read.accountNumber, read.content]).toEqual([30_000, original.value.accountNumber, original.value.content]);
      }
      expect(await page.locator('a[download]').textContent()).toContain('Save QR image');
      await shot(page, 'partial', size);
    }
  });

  it('has amount, status, QR, account and content above the fold at 390×844 and 1280×900; the QR is ≥ 240 px on a phone', async () => {
    const order = await merchant.order({ description: 'Áo thun size M, màu xanh navy' });
    for (const size of ['phone', 'desktop'] as const) {
      const page = await openPage(size);
      await page.goto(order.checkoutUrl);
      const fold = page.viewportSize()!.height;
      const edges = await bottoms(page, ABOVE_THE_FOLD);
      for (const [name, bottom] of Object.entries(edges)) expect(bottom, `${name} at ${WIDTH[size]} px`).toBeLessThanOrEqual(fold);
      const qr = (await page.locator('img.qr-img').boundingBox())!;
      if (size === 'phone') expect(qr.width).toBeGreaterThanOrEqual(240);
      console.log(`checkout: ${WIDTH[size]} px, fold ${fold}: ${JSON.stringify(edges)}, QR ${qr.width} px`);
      await shot(page, 'pending', size);
    }
  });

  it('lists banking apps behind a note that the links go through dl.vietqr.io, a third party', async () => {
    const order = await merchant.order();
    const page = await openPage();
    await page.goto(order.checkoutUrl);
    await page.locator('.apps summary').click();
    expect(await page.locator('.apps .note').textContent()).toContain('dl.vietqr.io');
    const href = (await page.locator('.apps a').first().getAttribute('href'))!;
    expect(href).toMatch(/^https:\/\/dl\.vietqr\.io\/pay\?app=mb&am=50000&tn=/);
    expect(href).toContain(`&ba=${order.bank.accountNumber}@vcb&`);
    expect(href).toContain(`&url=${order.checkoutUrl}`);
    await shot(page, 'apps', 'phone');
  });

  it('turns canceled within 3 s when the merchant cancels, with the way back to the shop', async () => {
    const order = await merchant.order({ returnUrl: `${server.base}/healthz?canceled=1` });
    const phone = await openPage('phone');
    const desktop = await openPage('desktop');
    await Promise.all([phone.goto(order.checkoutUrl), desktop.goto(order.checkoutUrl)]);
    await merchant.cancel(order.id);
    for (const [page, size] of [
      [phone, 'phone'],
      [desktop, 'desktop'],
    ] as const) {
      await page.locator('main[data-status="canceled"]').waitFor({ timeout: 3_000 });
      expect(await page.locator('.state-canceled').isVisible()).toBe(true);
      expect(await page.locator('.qr-img').isVisible()).toBe(false);
      expect(await page.locator('.state-canceled a.back').isVisible()).toBe(true);
      await shot(page, 'canceled', size);
    }
    await phone.locator('.state-canceled a.back').click();
    await phone.waitForURL(`${server.base}/healthz?canceled=1`);
  });

  it('counts down, shows the order expired when its time runs out, and links back to the shop', async () => {
    const order = await merchant.order({ expiresInSeconds: 900, returnUrl: `${server.base}/healthz?expired=1` });
    for (const size of ['phone', 'desktop'] as const) {
      const page = await openPage(size);
      await page.clock.install();
      await page.goto(order.checkoutUrl);
      expect(await page.locator('[data-countdown]').textContent()).toMatch(/^1[45]:\d\d$/);
      expect(await page.locator('.expiry').textContent()).toContain('(giờ Việt Nam (UTC+7))');
      await page.clock.fastForward('05:00');
      await expect.poll(() => page.locator('[data-countdown]').textContent()).toMatch(/^(09|10):\d\d$/);
      await page.clock.fastForward('10:30');
      await page.locator('main[data-status="expired"]').waitFor({ timeout: 3_000 });
      expect(await page.locator('.state-expired').isVisible()).toBe(true);
      await shot(page, 'expired', size);
      if (size === 'desktop') {
        await page.locator('.state-expired a.back').click();
        await page.waitForURL(`${server.base}/healthz?expired=1`);
      }
    }
  });

  it('paid shows the amount received and the time in Vietnam, at both sizes', async () => {
    const order = await merchant.order({ amount: 35_000 });
    await merchant.pay(order.id);
    for (const size of ['phone', 'desktop'] as const) {
      const page = await openPage(size);
      await page.goto(`${order.checkoutUrl}?lang=en`);
      expect(await page.locator('main').getAttribute('data-status')).toBe('paid');
      expect(await page.locator('.state-paid').textContent()).toMatch(
        /35\.000\u00a0₫[\s\S]*\d\d:\d\d \d\d\/\d\d\/\d{4} \(Vietnam time \(UTC\+7\)\)/,
      );
      await shot(page, 'paid', size);
    }
  });

  it('shows the merchant’s display name, logo and accent colour', async () => {
    const logo = await logoServer();
    try {
      const port = (logo.address() as AddressInfo).port;
      await merchant.brand({ displayName: 'Hoa Sen Boutique', logoUrl: `http://127.0.0.1:${port}/logo.png`, accentColor: '#c0392b' });
    } finally {
      logo.close();
    }
    const order = await merchant.order();
    for (const size of ['phone', 'desktop'] as const) {
      const page = await openPage(size);
      await page.goto(order.checkoutUrl);
      expect(await page.locator('.brand .merchant').textContent()).toContain('Hoa Sen Boutique');
      expect(await page.locator('.brand img.logo').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(96);
      expect(await page.locator('a.save').evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(192, 57, 43)');
      await shot(page, 'branded', size);
    }
    await merchant.brand({ displayName: null, logoUrl: null, accentColor: null });
  });

  it('still shows every detail with JavaScript off, without dead copy buttons', async () => {
    const order = await merchant.order();
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(order.checkoutUrl);
    expect(await page.locator('img.qr-img').isVisible()).toBe(true);
    const text = await page.textContent('main');
    for (const value of [order.bank.accountNumber, order.bank.accountName, order.paymentCode, '50.000']) expect(text).toContain(value);
    expect(await page.locator('button[data-copy]').first().isVisible()).toBe(false);
    expect(await page.locator('a[download]').isVisible()).toBe(true);
    await context.close();
  });

  it('is a light page: no requests but the page itself, its QR image and its status polls', async () => {
    const order = await merchant.order();
    const page = await openPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(order.checkoutUrl);
    await page.waitForRequest((request) => request.url().endsWith(`/pay/${order.id}/status`), { timeout: 5_000 });
    expect(new Set(requested)).toEqual(new Set([`/pay/${order.id}`, `/qr/${order.id}.png`, `/pay/${order.id}/status`]));

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
