/** A deterministic image: the same URL always renders the same bytes. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

export interface SvgResponseInit {
  /** Strong validator, quoted (see svgEtag). */
  etag?: string;
  /** Defaults to IMMUTABLE_CACHE. */
  cacheControl?: string;
  /** The incoming request: an If-None-Match that matches the ETag gets 304 without a body. */
  request?: Request;
  headers?: Record<string, string>;
}

/** image/svg+xml with caching headers; SVG can carry script, so a directly opened image gets a CSP that runs none. */
export function svgResponse(svg: string, init: SvgResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'image/svg+xml; charset=utf-8');
  headers.set('cache-control', init.cacheControl ?? IMMUTABLE_CACHE);
  headers.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  if (init.etag) {
    headers.set('etag', init.etag);
    if (etagMatches(init.request?.headers.get('if-none-match'), init.etag)) return new Response(null, { status: 304, headers });
  }
  return new Response(svg, { status: 200, headers });
}

function etagMatches(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/** `"<22 base64url chars>"`: the first 128 bits of SHA-256 of the SVG. */
export async function svgEtag(svg: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(svg)));
  const base64 = btoa(String.fromCharCode(...digest.subarray(0, 16)));
  return `"${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`;
}
