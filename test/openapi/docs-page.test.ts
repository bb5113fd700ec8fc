// GET /docs: the interactive reference, served from our own origin only (no CDN), under a CSP that allows nothing else.
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SCALAR_SCRIPT } from '../../src/api/docs';

const worker = exports.default;

describe('GET /docs', () => {
  it('is an HTML page whose scripts are same-origin: the pinned bundle and one nonce-d inline init', async () => {
    const res = await worker.fetch('https://router.test/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual([SCALAR_SCRIPT]);
    expect(html).not.toMatch(/https?:\/\/(?!router\.test)[a-z0-9.-]+\//i);
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain('"url":"/openapi.json"');
    expect(html).toContain('"withDefaultFonts":false');

    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain("connect-src 'self'");
    // No host is allowed anywhere: every source is 'self', a nonce, or an inline/data/blob scheme.
    const sourcesInCsp = csp.split(';').flatMap((directive) => directive.trim().split(/\s+/).slice(1));
    expect(sourcesInCsp.filter((s) => !/^('self'|'none'|'unsafe-inline'|'nonce-[^']+'|data:|blob:)$/.test(s))).toEqual([]);
  });

  it('a new nonce on every response', async () => {
    const csp = async () => (await worker.fetch('https://router.test/docs')).headers.get('content-security-policy');
    expect(await csp()).not.toBe(await csp());
  });
});
