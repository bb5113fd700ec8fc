// HTTP for QR images, SVG and PNG alike: one ETag, one If-None-Match rule, one set of caching headers.
// Not hono's etag middleware: it hashes each body once built, while a Cache API hit here already carries its
// tag, so a revalidation answers 304 without reading or rendering the image.

/** A deterministic image: the same URL always renders the same bytes. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** An image that may change (the amount still due): cache it, but ask again every time. */
export const REVALIDATE_CACHE = 'public, no-cache';

export type ImageType = 'svg' | 'png';

const CONTENT_TYPES: Record<ImageType, string> = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png' };

export interface ImageResponseInit {
  /** Strong validator, quoted (see contentEtag). */
  etag: string;
  /** Defaults to IMMUTABLE_CACHE. */
  cacheControl?: string;
  /** The incoming request: an If-None-Match that matches the ETag gets 304 without a body. */
  request?: Request;
}

/**
 * If-None-Match by the weak comparison RFC 9110 §13.1.2 prescribes for it: `*`, or any listed tag
 * equal to ours once a `W/` prefix is set aside on either side.
 */
export function etagMatches(header: string | null | undefined, etag: string): boolean {
  if (!header) return false;
  const ours = etag.replace(/^W\//, '');
  if (header.trim() === '*') return true;
  // Entity tags are quoted and may hold commas: split on the quotes, not on commas.
  for (const match of header.matchAll(/(?:W\/)?"[^"]*"/g)) if (match[0].replace(/^W\//, '') === ours) return true;
  return false;
}

/** `"<22 base64url chars>"`: the first 128 bits of SHA-256 of the image. */
export async function contentEtag(body: string | Uint8Array): Promise<string> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const base64 = btoa(String.fromCharCode(...digest.subarray(0, 16)));
  return `"${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`;
}

/** Headers of an image response; SVG can carry script, so an SVG opened directly gets a CSP that runs none. */
function imageHeaders(type: ImageType, etag: string, cacheControl: string): Headers {
  const headers = new Headers({ 'content-type': CONTENT_TYPES[type], 'cache-control': cacheControl, etag });
  if (type === 'svg') headers.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  return headers;
}

export function imageResponse(type: ImageType, body: string | Uint8Array, init: ImageResponseInit): Response {
  const headers = imageHeaders(type, init.etag, init.cacheControl ?? IMMUTABLE_CACHE);
  if (init.request) {
    const conditional = notModified(init.request, headers);
    if (conditional) return conditional;
  }
  return new Response(body, { status: 200, headers });
}

/** 304 (headers kept, no body) when the request's If-None-Match matches the response's ETag; else null. */
export function notModified(request: Request, headers: Headers): Response | null {
  const etag = headers.get('etag');
  if (!etag || !etagMatches(request.headers.get('if-none-match'), etag)) return null;
  const kept = new Headers();
  for (const name of ['etag', 'cache-control', 'content-type', 'content-security-policy']) {
    const value = headers.get(name);
    if (value) kept.set(name, value);
  }
  return new Response(null, { status: 304, headers: kept });
}
