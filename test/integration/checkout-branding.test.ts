import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOGO_MAX_BYTES } from '../../src/api/merchant-logo';
import { admin, BASE, worker } from '../fixtures/app';
import { insertOrder } from '../fixtures/checkout';
import { newMerchant } from '../fixtures/merchant';
import { interceptFetch } from '../fixtures/outbound-fetch';

// A 1×1 PNG, its signature first: what a logo host would send.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgAB4iG8MwAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

/** The logo host: one answer per URL path; anything else is an unexpected outbound call. */
function logoHost(answers: Record<string, () => Response>) {
  const seen: string[] = [];
  interceptFetch({
    'https://cdn.shop.example/': ({ url, request }) => {
      seen.push(`${url.pathname} redirect=${request.redirect}`);
      return (answers[url.pathname] ?? (() => new Response('no', { status: 404 })))();
    },
  });
  return seen;
}

afterEach(() => vi.restoreAllMocks());

const patch = (id: string, body: unknown) => admin('PATCH', `/v1/admin/merchants/${id}`, body);
const page = async (id: string) => {
  const res = await worker.fetch(`${BASE}/pay/${id}`);
  return { res, html: await res.text() };
};

describe('PATCH /v1/admin/merchants/{id}: checkout branding', () => {
  it('sets display name, logo (fetched once, stored as a data URL), accent colour and frame ancestors; the page shows them', async () => {
    const merchant = await newMerchant();
    const seen = logoHost({ '/logo.png': () => new Response(PNG, { headers: { 'content-type': 'image/png' } }) });
    const res = await patch(merchant.id, {
      displayName: 'Cửa hàng Hoa Sen',
      logoUrl: 'https://cdn.shop.example/logo.png',
      accentColor: '#C0392B',
      frameAncestors: ['https://shop.example', 'https://www.shop.example/'],
    });
    expect(res.status).toBe(200);
    const logo = `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`;
    expect(res.body).toMatchObject({
      id: merchant.id,
      branding: {
        displayName: 'Cửa hàng Hoa Sen',
        logoUrl: 'https://cdn.shop.example/logo.png',
        logo,
        accentColor: '#c0392b',
        frameAncestors: ['https://shop.example', 'https://www.shop.example'],
      },
    });
    expect(seen).toEqual(['/logo.png redirect=manual']);

    await insertOrder({ id: 'ord_brand1', merchantId: merchant.id });
    const { res: shown, html } = await page('ord_brand1');
    expect(seen).toHaveLength(1); // the page never fetches the logo again
    expect(html).toContain(`<img class="logo" src="${logo}" alt="" height="36"/>`);
    expect(html).toContain('Thanh toán cho <strong>Cửa hàng Hoa Sen</strong>');
    expect(html).toContain(':root{--accent:#c0392b}');
    const csp = shown.headers.get('content-security-policy')!;
    expect(csp).toContain('frame-ancestors https://shop.example https://www.shop.example');
    expect(csp).toContain("img-src 'self' data:");
    expect(shown.headers.get('x-frame-options')).toBeNull(); // no SAMEORIGIN contradicting the allowlist

    // Only what is sent changes; null removes.
    expect((await patch(merchant.id, { logoUrl: null, frameAncestors: [] })).body.branding).toMatchObject({
      displayName: 'Cửa hàng Hoa Sen',
      logoUrl: null,
      logo: null,
      accentColor: '#c0392b',
      frameAncestors: [],
    });
    const after = await page('ord_brand1');
    expect(after.html).not.toContain('class="logo"');
    expect(after.res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(after.res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it.each([
    ['logoUrl', { logoUrl: 'http://cdn.shop.example/logo.png' }, /https/],
    ['logoUrl', { logoUrl: 'https://127.0.0.1/logo.png' }, /IP address/],
    ['logoUrl', { logoUrl: 'https://cdn.shop.example/moved.png' }, /redirect/],
    ['logoUrl', { logoUrl: 'https://cdn.shop.example/logo.svg' }, /image\/png, image\/jpeg or image\/webp/],
    ['logoUrl', { logoUrl: 'https://cdn.shop.example/big.png' }, /larger than 32 KiB/],
    ['logoUrl', { logoUrl: 'https://cdn.shop.example/fake.png' }, /not a image\/png image/],
    ['logoUrl', { logoUrl: 'https://cdn.shop.example/missing.png' }, /HTTP 404/],
    ['accentColor', { accentColor: 'red' }, /#rrggbb/],
    ['accentColor', { accentColor: '#fff;}body{' }, /#rrggbb/],
    ['frameAncestors', { frameAncestors: ['http://shop.example'] }, /https origin/],
    ['frameAncestors', { frameAncestors: ['https://shop.example/path'] }, /https origin/],
    ['displayName', { displayName: '' }, /./],
  ])('422 naming %s for %j, and nothing written', async (field, body, message) => {
    const merchant = await newMerchant();
    logoHost({
      '/moved.png': () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/x.png' } }),
      '/logo.svg': () => new Response('<svg/>', { headers: { 'content-type': 'image/svg+xml' } }),
      '/big.png': () => new Response(new Uint8Array(LOGO_MAX_BYTES + 1), { headers: { 'content-type': 'image/png' } }),
      '/fake.png': () => new Response('GIF89a', { headers: { 'content-type': 'image/png' } }),
    });
    const res = await patch(merchant.id, { displayName: 'Changed', ...body });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const error = res.body.errors.find((e: { path: string }) => e.path.split('.')[0] === field);
    expect(error?.message).toMatch(message);
    expect((await patch(merchant.id, {})).body.branding.displayName).toBeNull();
  });

  it('404 for an unknown merchant, 401 without the admin token, 422 for unknown fields', async () => {
    expect((await patch('mer_nope', { displayName: 'x' })).status).toBe(404);
    const merchant = await newMerchant();
    const anonymous = await worker.fetch(`${BASE}/v1/admin/merchants/${merchant.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"displayName":"x"}',
    });
    expect(anonymous.status).toBe(401);
    expect((await patch(merchant.id, { name: 'x' })).status).toBe(422);
  });
});
