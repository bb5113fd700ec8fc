import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { insertOrder } from '../fixtures/checkout';

const worker = exports.default;

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await worker.fetch(`https://router.test${path}`, { headers });
  return { res, html: await res.text() };
}

const htmlLang = (html: string) => /<html[^>]*\blang="([a-z-]+)"/.exec(html)?.[1];
const copyValues = (html: string) => [...html.matchAll(/<button[^>]*data-copy="([^"]*)"/g)].map((m) => m[1]);

describe('GET /pay/{id}: the checkout page', () => {
  it('shows everything needed to pay, in Vietnamese by default', async () => {
    await insertOrder({ id: 'ord_page1', transferContent: 'QR7K3M9XT' });
    const { res, html } = await page('/pay/ord_page1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(htmlLang(html)).toBe('vi');
    expect(html).toContain('50.000\u00a0₫');
    expect(html).toMatch(
      /<img class="qr-img" src="\/qr\/ord_page1\.png\?size=520" width="260" height="260" alt="Mã VietQR để chuyển khoản"/,
    );
    expect(html).toMatch(/<a class="button save" href="\/qr\/ord_page1\.png\?size=800" download="QR-INV-\d+\.png"[^>]*>⤓ Tải ảnh QR</);
    for (const text of ['Vietcombank', '1017595600', 'CONG TY DEMO', 'QR7K3M9XT', 'INV-', 'Áo thun size M', 'Demo shop']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('Giữ nguyên nội dung chuyển khoản');
    expect(html).toMatch(/data-countdown[^>]*>1[45]:\d\d</);
  });

  it('has a copy button for the bank, account number, account name, amount and transfer content', async () => {
    await insertOrder({ id: 'ord_page2', transferContent: 'QRCOPY234' });
    const { html } = await page('/pay/ord_page2');
    expect(copyValues(html)).toEqual(['1017595600', 'QRCOPY234', '50000', 'Vietcombank', 'CONG TY DEMO']);
  });

  it('is English with ?lang=en or when Accept-Language prefers English', async () => {
    await insertOrder({ id: 'ord_page3' });
    const english = await page('/pay/ord_page3?lang=en');
    expect(htmlLang(english.html)).toBe('en');
    expect(english.html).toContain('Keep the transfer content exactly as it is');
    expect(htmlLang((await page('/pay/ord_page3', { 'accept-language': 'en-US,en;q=0.9' })).html)).toBe('en');
    expect(htmlLang((await page('/pay/ord_page3', { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' })).html)).toBe('vi');
    expect(htmlLang((await page('/pay/ord_page3', { 'accept-language': 'fr-FR' })).html)).toBe('vi');
    expect(htmlLang((await page('/pay/ord_page3?lang=vi', { 'accept-language': 'en' })).html)).toBe('vi');
  });

  it('runs only its own nonce-carrying script and style, loads nothing external, and is not indexed', async () => {
    await insertOrder({ id: 'ord_page4' });
    const { res, html } = await page('/pay/ord_page4');
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(nonce).toBeTruthy();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(`<style nonce="${nonce}">`);
    // Images only from data: or this origin's QR route; no script, style or frame from anywhere.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(?!data:|\/qr\/ord_page4\.png\?)/);
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    const again = await page('/pay/ord_page4');
    expect(again.res.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('escapes what the merchant wrote', async () => {
    await insertOrder({ id: 'ord_page5', description: '<script>alert(1)</script>' });
    const { html } = await page('/pay/ord_page5');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows what is still due on a partly paid order, with the QR for that amount', async () => {
    await insertOrder({ id: 'ord_page6', status: 'partially_paid', amount: 50_000, amountPaid: 20_000 });
    const { html } = await page('/pay/ord_page6');
    expect(html).toContain('data-status="partially_paid"');
    expect(html).toContain('data-remaining="any"');
    expect(html).toContain('30.000\u00a0₫');
    expect(html).toContain('Đã nhận <strong data-paid-amount="true">20.000\u00a0₫</strong>');
    expect(html).toContain('Mã QR đã ghi số tiền còn thiếu');
    expect(html).toContain('src="/qr/ord_page6.png?size=520&amp;remaining=true&amp;v=20000"');
    expect(html).toContain('href="/qr/ord_page6.png?size=800&amp;remaining=true&amp;v=20000"');
    expect(copyValues(html)).toContain('30000');
    const image = await worker.fetch('https://router.test/qr/ord_page6.png?size=520&remaining=true&v=20000');
    expect(image.status).toBe(200);
  });

  it('says exactly what to do when the QR cannot be re-issued for the rest, and shows no QR to scan again', async () => {
    await insertOrder({ id: 'ord_page11', status: 'partially_paid', amount: 50_000, amountPaid: 20_000, provider: 'payos' });
    const { html } = await page('/pay/ord_page11?lang=en');
    expect(html).toContain('data-remaining="fixed"');
    expect(html).toContain('This order&#39;s QR code only takes its original amount, so do not scan it again. Please contact Demo shop');
    expect(html).not.toContain('class="apps"');
  });

  it('renders a paid order as paid: amount received, the time in Vietnam, the way back to the shop', async () => {
    await insertOrder({
      id: 'ord_page7',
      status: 'paid',
      amountPaid: 50_000,
      paidAt: '2026-11-21T03:15:00.000Z',
      returnUrl: 'https://shop.example/thanks?o=1',
    });
    const { html } = await page('/pay/ord_page7?lang=en');
    expect(html).toContain('data-status="paid"');
    expect(html).toContain('<dd data-paid-amount="true">50.000\u00a0₫</dd>');
    expect(html).toContain('<span data-paid-at="true">10:15 21/11/2026</span> (Vietnam time (UTC+7))');
    expect(html).toMatch(/<a class="back" href="https:\/\/shop\.example\/thanks\?o=1"[^>]*>Return to shop</);
    expect((await page('/pay/ord_page7')).html).toContain('(giờ Việt Nam (UTC+7))');
  });

  it('offers the way back from every final state, expired and canceled included', async () => {
    const returnUrl = 'https://shop.example/cart';
    await insertOrder({ id: 'ord_page12', returnUrl, expiresAt: new Date(Date.now() - 3_600_000).toISOString() });
    await insertOrder({ id: 'ord_page13', returnUrl, status: 'canceled' });
    for (const id of ['ord_page12', 'ord_page13']) {
      const { html } = await page(`/pay/${id}`);
      const panel = /<section class="card state state-(expired|canceled)">[\s\S]*?<\/section>/g;
      const state = id === 'ord_page12' ? 'expired' : 'canceled';
      expect(html).toContain(`data-status="${state}"`);
      const own = [...html.matchAll(panel)].find((m) => m[1] === state)![0];
      expect(own).toContain(`<a class="back" href="${returnUrl}" rel="noreferrer" target="_top">Quay lại cửa hàng</a>`);
    }
  });

  it('never links a return URL that is not http(s)', async () => {
    await insertOrder({ id: 'ord_page8', status: 'paid', amountPaid: 50_000, returnUrl: 'javascript:alert(1)' });
    const { html } = await page('/pay/ord_page8');
    expect(html).not.toContain('javascript:');
  });

  it('groups large amounts and counts down days for a week-long order', async () => {
    const week = new Date(Date.now() + 7 * 24 * 3600_000 - 30_000).toISOString();
    await insertOrder({ id: 'ord_page10', amount: 500_000_000, expiresAt: week });
    const vietnamese = (await page('/pay/ord_page10')).html;
    expect(vietnamese).toContain('500.000.000\u00a0₫');
    expect(vietnamese).toMatch(/data-countdown[^>]*>6 ngày 23:59:\d\d</);
    expect((await page('/pay/ord_page10?lang=en')).html).toMatch(/data-countdown[^>]*>6 d 23:59:\d\d</);
  });

  it('shows a pending order past its expiry and grace as expired; within the grace it still takes the transfer', async () => {
    await insertOrder({ id: 'ord_page9', expiresAt: new Date(Date.now() - 121_000).toISOString() });
    expect((await page('/pay/ord_page9')).html).toContain('data-status="expired"');
    await insertOrder({ id: 'ord_page14', expiresAt: new Date(Date.now() - 1000).toISOString() });
    const within = (await page('/pay/ord_page14')).html;
    expect(within).toContain('data-status="pending"');
    expect(within).toContain('data-grace-ms="120000"');
  });
});

describe('GET /pay/{unknown}', () => {
  it('is a friendly HTML 404 in the payer’s language', async () => {
    const { res, html } = await page('/pay/ord_doesnotexist0000000000', { 'accept-language': 'en' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(htmlLang(html)).toBe('en');
    expect(html).toContain('Order not found');
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
  });

  it('is the same page for ids that could never exist', async () => {
    const { res, html } = await page('/pay/not-an-order');
    expect(res.status).toBe(404);
    expect(html).toContain('Không tìm thấy đơn hàng');
  });
});
