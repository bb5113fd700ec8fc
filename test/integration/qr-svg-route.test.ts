import { describe, expect, it } from 'vitest';
import { decodeVietQr } from '../../src/qr/vietqr';
import { get, problem } from '../fixtures/app';

const QUERY = 'bank=970436&account=1017595600&amount=25000&content=QUICKLINK%20TEST%2042';

/** The payload the quicklink rendered, read back from the path (the route renders it deterministically). */
async function svgOf(query: string): Promise<{ res: Response; svg: string }> {
  const res = await get(`/qr.svg?${query}`);
  return { res, svg: await res.text() };
}

describe('GET /qr.svg', () => {
  it('is an immutable image/svg+xml with an ETag, sized by ?size=', async () => {
    const { res, svg } = await svgOf(`${QUERY}&size=512`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{22}"$/);
    expect(svg).toMatch(/^<svg [^>]*width="512" height="512"/);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get(`/qr.svg?${QUERY}`);
    const etag = first.headers.get('etag')!;
    const again = await get(`/qr.svg?${QUERY}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('renders the same image for a short name as for its BIN, and defaults to 320 px with a 4-module margin', async () => {
    const byBin = await svgOf(QUERY);
    const byName = await svgOf(QUERY.replace('970436', 'VCB'));
    expect(byName.svg).toBe(byBin.svg);
    expect(byBin.svg).toMatch(/width="320" height="320" viewBox="-4 -4\.5 /);
  });

  it('is the QR of a VietQR with the given bank, account, amount and content', async () => {
    const { svg } = await svgOf(QUERY);
    const { renderQrSvg } = await import('../../src/qr/svg');
    const { encodeVietQr } = await import('../../src/qr/vietqr');
    const payload = encodeVietQr({
      bin: '970436',
      accountNumber: '1017595600',
      service: 'account',
      amount: 25000,
      content: 'QUICKLINK TEST 42',
    });
    expect(svg).toBe(renderQrSvg(payload));
    expect(decodeVietQr(payload)).toMatchObject({ ok: true, value: { initMethod: 'dynamic', amount: 25000 } });
  });

  it.each([
    ['bank', 'bank=NOPE&account=1017595600'],
    ['account', 'bank=VCB&account=10-17'],
    ['amount', 'bank=VCB&account=1017595600&amount=0'],
    ['amount', 'bank=VCB&account=1017595600&amount=12.5'],
    ['content', `bank=VCB&account=1017595600&content=${'x'.repeat(26)}`],
    ['name', `bank=VCB&account=1017595600&name=${'x'.repeat(26)}`],
    ['size', 'bank=VCB&account=1017595600&size=4096'],
    ['margin', 'bank=VCB&account=1017595600&margin=-1'],
    ['bank', 'account=1017595600'],
  ])('answers 422 naming %s', async (path, query) => {
    const body = await problem(await get(`/qr.svg?${query}`), 422);
    expect(body.errors?.map((e) => e.path)).toContain(path);
  });

  it('is documented in the OpenAPI document, with the encode and decode routes', async () => {
    const doc = (await (await get('/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/qr.svg', '/v1/qr/encode', '/v1/qr/decode']));
  });
});
