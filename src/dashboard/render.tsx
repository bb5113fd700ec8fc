import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DashContext } from './context';

/** A fresh nonce per response: only this page's own stylesheet and script load. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Headers of every dashboard page: a strict CSP (nothing inline, nothing from elsewhere, forms post only
 * here, no framing), never cached, never indexed. The images are the QR SVGs of `/qr/…`.
 */
export function dashboardHeaders(nonce: string): Record<string, string> {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex, nofollow',
  };
}

/** Renders a complete page (any status) with the dashboard's headers and any cookie set during the request. */
export async function sendPage(c: DashContext, page: Child, status: ContentfulStatusCode = 200): Promise<Response> {
  const body = await html`<!doctype html>${page as HtmlEscapedString}`;
  return c.body(body, status, dashboardHeaders(c.get('nonce')));
}
