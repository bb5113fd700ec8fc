/** A fresh nonce per response: the page's one inline script and style run, nothing injected does. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

const HTTPS_ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

/**
 * Headers of every checkout HTML response. Set on the response itself, they replace what the global
 * secureHeaders middleware would give a JSON route: scripts and styles only with the nonce, images from
 * this origin (the QR PNG) and data: (the merchant's logo, stored as a data URL), fetches to this origin
 * (the status poll); framing only by the merchant's own https origins, none by default.
 */
export function pageHeaders(nonce: string, frameAncestors: readonly string[] = []): Record<string, string> {
  const ancestors = frameAncestors.filter((origin) => HTTPS_ORIGIN.test(origin));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.length ? ancestors.join(' ') : "'none'"}`,
  ].join('; ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'x-robots-tag': 'noindex, nofollow',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    vary: 'Accept-Language',
  };
}

/**
 * A checkout page the merchant lets its own site embed (CSP `frame-ancestors` names origins): the global
 * `X-Frame-Options: SAMEORIGIN` would contradict it for browsers that read only that header, so it goes.
 * Runs outside secureHeaders (registered before it), after it has set its headers.
 */
export const embeddable = async (c: { res: Response }, next: () => Promise<void>) => {
  await next();
  const csp = c.res.headers.get('content-security-policy') ?? '';
  if (/frame-ancestors (?!'none')/.test(csp)) c.res.headers.delete('x-frame-options');
};
