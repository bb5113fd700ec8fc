// /docs in real Chromium, offline: the reference renders from our own origin alone (no CDN, no fonts, no
// telemetry), with no script error or CSP violation, and lists the API's operations and webhooks.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { type DevServer, startDevServer } from './dev-server';

const RESULTS = 'test-results';

let server: DevServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  [server, browser] = await Promise.all([startDevServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the API reference in Chromium', () => {
  it('loads only from this origin and shows the operations', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const elsewhere: string[] = [];
    const problems: string[] = [];
    // Anything not served by the dev server is refused and recorded, as if the machine were offline.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    const res = await page.goto(`${server.base}/docs`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.getByText('Create an order and its VietQR code').first().isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByText('Webhooks', { exact: true }).first().click();
    await expect.poll(() => page.getByText('Event order.paid').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await page.screenshot({ path: `${RESULTS}/docs-1280.png` });

    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
