import { describe, expect, it } from 'vitest';
import { contentEtag, etagMatches, imageResponse } from '../../../src/qr/image-response';

describe('etagMatches (If-None-Match, weak comparison)', () => {
  const etag = '"abc123"';
  it.each([
    ['"abc123"', true],
    ['W/"abc123"', true],
    ['"x", W/"abc123"', true],
    ['"x","abc123"', true],
    ['*', true],
    ['"abc"', false],
    ['"abc123x"', false],
    ['abc123', false],
    ['"a,b", "c"', false],
    ['', false],
  ])('%s → %s', (header, expected) => {
    expect(etagMatches(header, etag)).toBe(expected);
  });

  it('treats our own weak tag like the strong one', () => {
    expect(etagMatches('"abc123"', 'W/"abc123"')).toBe(true);
  });
});

describe('imageResponse', () => {
  it('answers 304 without a body but with the validators when the ETag matches', async () => {
    const etag = await contentEtag('<svg/>');
    const request = new Request('https://router.test/qr.svg', { headers: { 'if-none-match': `W/${etag}` } });
    const res = imageResponse('svg', '<svg/>', { etag, request });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    expect(res.headers.get('etag')).toBe(etag);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('gives PNG its type and SVG a CSP that runs no script', async () => {
    const png = imageResponse('png', new Uint8Array([1, 2]), { etag: '"p"' });
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-security-policy')).toBeNull();
    const svg = imageResponse('svg', '<svg/>', { etag: '"s"', cacheControl: 'public, no-cache' });
    expect(svg.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(svg.headers.get('cache-control')).toBe('public, no-cache');
  });

  it('derives the ETag from the bytes', async () => {
    expect(await contentEtag('a')).toMatch(/^"[\w-]{22}"$/);
    expect(await contentEtag('a')).not.toBe(await contentEtag('b'));
    expect(await contentEtag(new TextEncoder().encode('a'))).toBe(await contentEtag('a'));
  });
});
