import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderQrPng } from '../../src/qr/png';
import { decodeVietQr } from '../../src/qr/vietqr';
import { BASE, worker } from '../fixtures/app';
import { insertOrder } from '../fixtures/checkout';
import { newMerchant, type TestMerchant } from '../fixtures/merchant';
import { decodePng } from '../fixtures/png-decode';

const db = env.DB;

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await worker.fetch(`${BASE}${path}`, { headers });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Until the public status shows the order's new state (the D1 projection follows the order's DO). */
async function waitForStatus(id: string, status: string) {
  for (let i = 0; i < 50; i++) {
    const body = (await (await worker.fetch(`${BASE}/pay/${id}/status`)).json()) as { status: string };
    if (body.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`order ${id} never reached ${status}`);
}

let merchant: TestMerchant;
let order: { id: string; qr: { payload: string }; paymentCode: string };
beforeAll(async () => {
  merchant = await newMerchant();
  await merchant.account();
  order = (await merchant.order({ amount: 90_000 })) as unknown as typeof order;
});

describe('GET /qr/{orderId}.png', () => {
  it('is an immutable 1-bit PNG of the order’s QR, 320 px by default, sized by ?size=', async () => {
    const { res, bytes } = await get(`/qr/${order.id}.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{22}"$/);
    expect(bytes).toEqual(await renderQrPng(order.qr.payload));
    const png = await decodePng(bytes);
    expect([png.width, png.bitDepth]).toEqual([320, 1]);
    expect((await decodePng((await get(`/qr/${order.id}.png?size=512&margin=0`)).bytes)).width).toBe(512);
  });

  it('304 for the ETag, weak or strong, alone or in a list; 200 for another', async () => {
    const { res } = await get(`/qr/${order.id}.png?size=200`);
    const etag = res.headers.get('etag')!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get(`/qr/${order.id}.png?size=200`, { 'if-none-match': header });
      expect(again.res.status, header).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.res.headers.get('etag')).toBe(etag);
    }
    expect((await get(`/qr/${order.id}.png?size=200`, { 'if-none-match': '"nope"' })).res.status).toBe(200);
  });

  it('is served from the cache after the first rendering', async () => {
    const first = await get(`/qr/${order.id}.png?size=300&margin=2`);
    const before = (await db.prepare('SELECT qr_payload FROM orders WHERE id = ?').bind(order.id).first<{ qr_payload: string }>())!;
    await db.prepare("UPDATE orders SET qr_payload = 'changed' WHERE id = ?").bind(order.id).run();
    const second = await get(`/qr/${order.id}.png?size=300&margin=2`);
    await db.prepare('UPDATE orders SET qr_payload = ? WHERE id = ?').bind(before.qr_payload, order.id).run();
    expect(second.bytes).toEqual(first.bytes);
  });

  it('422 for sizes and margins out of range; 404 for unknown orders and other file names', async () => {
    for (const query of ['size=63', 'size=2049', 'margin=17']) expect((await get(`/qr/${order.id}.png?${query}`)).res.status).toBe(422);
    for (const path of ['/qr/ord_00000000000000000000000000.png', `/qr/${order.id}.gif`, `/qr/${order.id}.png.png`]) {
      const { res } = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});

describe('GET /qr.png (quicklink)', () => {
  it('is the PNG of the quicklink’s VietQR, with the SVG route’s validation', async () => {
    const { res, bytes } = await get('/qr.png?bank=VCB&account=1017595600&amount=25000&content=QUICKLINK%20PNG&size=256');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const payload = (await import('../../src/qr/vietqr')).encodeVietQr({
      bin: '970436',
      accountNumber: '1017595600',
      service: 'account',
      amount: 25000,
      content: 'QUICKLINK PNG',
    });
    expect(bytes).toEqual(await renderQrPng(payload, { size: 256 }));
    const again = await get('/qr.png?bank=VCB&account=1017595600&amount=25000&content=QUICKLINK%20PNG&size=256', {
      'if-none-match': `W/${res.headers.get('etag')}`,
    });
    expect(again.res.status).toBe(304);
    const bad = await worker.fetch(`${BASE}/qr.png?bank=NOPE&account=1`);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('bank');
  });
});

describe('?remaining=true', () => {
  it('is the order’s own QR while nothing is paid, and after a partial payment the QR for what is still due', async () => {
    const fresh = (await merchant.order({ amount: 90_000 })) as unknown as typeof order;
    const unpaid = await get(`/qr/${fresh.id}.png?remaining=true`);
    expect(unpaid.bytes).toEqual(await renderQrPng(fresh.qr.payload));
    expect(unpaid.res.headers.get('cache-control')).toBe('public, no-cache');

    expect((await merchant.api('POST', `/v1/sandbox/orders/${fresh.id}/pay`, { amount: 30_000 })).status).toBe(202);
    await waitForStatus(fresh.id, 'partially_paid');
    const png = await get(`/qr/${fresh.id}.png?remaining=true`);
    expect(png.res.status).toBe(200);
    expect(png.res.headers.get('cache-control')).toBe('public, no-cache');
    const svg = await worker.fetch(`${BASE}/qr/${fresh.id}.svg?remaining=true&size=256`);
    expect(svg.status).toBe(200);
    const { withAmount } = await import('../../src/qr/vietqr-amount');
    const expected = withAmount(fresh.qr.payload, 60_000);
    if (!expected.ok) throw new Error(expected.reason);
    expect(png.bytes).toEqual(await renderQrPng(expected.payload));
    expect(decodeVietQr(expected.payload)).toMatchObject({ ok: true, value: { amount: 60_000, content: fresh.paymentCode } });
    expect(await svg.text()).toBe((await import('../../src/qr/svg')).renderQrSvg(expected.payload, { size: 256 }));
    const etag = png.res.headers.get('etag')!;
    expect((await get(`/qr/${fresh.id}.png?remaining=true`, { 'if-none-match': etag })).res.status).toBe(304);
    // The immutable image stays the order's own QR.
    expect((await get(`/qr/${fresh.id}.png`)).bytes).toEqual(await renderQrPng(fresh.qr.payload));
  });

  it('409 with the reason for a paid, expired or canceled order, or where the QR pays a provider’s own one-off request', async () => {
    await insertOrder({ id: 'ord_remaining_paid', status: 'paid', amountPaid: 50_000 });
    await insertOrder({ id: 'ord_remaining_late', expiresAt: new Date(Date.now() - 3_600_000).toISOString() });
    await insertOrder({ id: 'ord_remaining_cancel', status: 'canceled' });
    await insertOrder({ id: 'ord_remaining_fixed', status: 'partially_paid', amountPaid: 10_000, provider: 'payos' });
    const cases: [string, RegExp][] = [
      ['ord_remaining_paid', /paid: nothing is due/],
      ['ord_remaining_late', /expired/],
      ['ord_remaining_cancel', /canceled/],
      ['ord_remaining_fixed', /one-off payment request/],
    ];
    for (const [id, reason] of cases) {
      for (const ext of ['png', 'svg']) {
        const res = await worker.fetch(`${BASE}/qr/${id}.${ext}?remaining=true`);
        expect(res.status, `${id}.${ext}`).toBe(409);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(((await res.json()) as { detail: string }).detail).toMatch(reason);
      }
    }
  });
});
