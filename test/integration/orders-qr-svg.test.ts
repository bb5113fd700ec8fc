import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../fixtures/app';
import { newMerchant } from '../fixtures/merchant';

const db = env.DB;
let orderId: string;
beforeAll(async () => {
  const shop = await newMerchant();
  await shop.account();
  orderId = (await shop.order({ amount: 77_000 })).id;
});

const svgSize = (svg: string) => [/width="(\d+)"/.exec(svg)?.[1], /height="(\d+)"/.exec(svg)?.[1]].map(Number);

describe('GET /qr/{orderId}.svg', () => {
  it('is a public, immutable SVG with a strong ETag, 320 px by default', async () => {
    const res = await call('GET', `/qr/${orderId}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{22}"$/);
    expect(res.text).toMatch(/^<svg/);
    expect(svgSize(res.text)).toEqual([320, 320]);
  });

  it('304 on If-None-Match with the ETag', async () => {
    const first = await call('GET', `/qr/${orderId}.svg?size=200`);
    const etag = first.headers.get('etag')!;
    const again = await call('GET', `/qr/${orderId}.svg?size=200`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const other = await call('GET', `/qr/${orderId}.svg?size=200`, { headers: { 'if-none-match': '"nope"' } });
    expect(other.status).toBe(200);
    // Weak comparison, as If-None-Match has it: a W/ tag or a list that holds ours is a match too.
    for (const header of [`W/${etag}`, `"nope", ${etag}`, `W/"nope",W/${etag}`]) {
      const weak = await call('GET', `/qr/${orderId}.svg?size=200`, { headers: { 'if-none-match': header } });
      expect(weak.status, header).toBe(304);
    }
  });

  it('size and margin change the rendering (and its ETag)', async () => {
    const plain = await call('GET', `/qr/${orderId}.svg`);
    const big = await call('GET', `/qr/${orderId}.svg?size=512`);
    const bare = await call('GET', `/qr/${orderId}.svg?margin=0`);
    expect(svgSize(big.text)).toEqual([512, 512]);
    expect(new Set([plain.headers.get('etag'), big.headers.get('etag'), bare.headers.get('etag')]).size).toBe(3);
  });

  it('is served from the cache after the first rendering', async () => {
    const first = await call('GET', `/qr/${orderId}.svg?size=300&margin=2`);
    await db.prepare("UPDATE orders SET qr_payload = 'changed' WHERE id = ?").bind(orderId).run();
    const second = await call('GET', `/qr/${orderId}.svg?size=300&margin=2`);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  for (const query of ['size=63', 'size=2049', 'size=big', 'margin=-1', 'margin=17']) {
    it(`422 for ${query}`, async () => {
      const res = await call('GET', `/qr/${orderId}.svg?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe(query.split('=')[0]);
    });
  }

  it('unknown orders and other names are 404 problems', async () => {
    for (const path of ['/qr/ord_00000000000000000000000000.svg', `/qr/${orderId}.gif`, '/qr/x.svg']) {
      const res = await call('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
