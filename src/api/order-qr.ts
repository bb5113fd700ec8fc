import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { sha256Hex } from '../crypto/hmac';
import { getOrderById } from '../db/orders';
import type { AppEnv } from '../env';
import { notFound } from '../lib/problem';
import { createRouter } from '../lib/router';
import { renderQrSvg } from '../qr/svg';

const app = createRouter();

// An order's payload never changes, so each (order, size, margin) rendering is immutable.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const FILE = /^(ord_[0-9a-z]{16,64})\.svg$/;

const route = createRoute({
  method: 'get',
  path: '/qr/{file}',
  tags: ['QR codes'],
  summary: "An order's VietQR as SVG (public, like the checkout page)",
  request: {
    params: z.object({ file: z.string().openapi({ description: '`<orderId>.svg`', example: 'ord_….svg' }) }),
    query: z.object({
      size: z.coerce.number().int().min(64).max(2048).default(320).openapi({ description: 'Width and height in px' }),
      margin: z.coerce.number().int().min(0).max(16).default(4).openapi({ description: 'Quiet zone in modules' }),
    }),
  },
  responses: {
    200: { description: 'The QR code', content: { 'image/svg+xml': { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match)' },
  },
});

/** 304 when the client already holds this exact rendering. */
function conditional(c: Context<AppEnv>, response: Response): Response {
  const etag = response.headers.get('etag');
  const wanted = c.req.header('if-none-match');
  if (etag && wanted?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    return new Response(null, { status: 304, headers: { etag, 'cache-control': IMMUTABLE } });
  }
  return response;
}

app.openapi(route, async (c) => {
  const orderId = FILE.exec(c.req.valid('param').file)?.[1];
  if (!orderId) throw notFound('No such QR code');
  const { size, margin } = c.req.valid('query');
  // The cache key is the canonical URL only: no client headers, so one entry serves everyone.
  const key = new Request(`${new URL(c.req.url).origin}/qr/${orderId}.svg?size=${size}&margin=${margin}`);
  const cache = caches.default;
  const cached = await cache.match(key);
  // Responses out of the cache have immutable headers; later middleware adds its own.
  if (cached) return conditional(c, new Response(cached.body, cached));

  const order = await getOrderById(c.env, orderId);
  if (!order) throw notFound('No such order');
  const svg = renderQrSvg(order.qr_payload, { size, margin });
  const etag = `"${(await sha256Hex(`${order.qr_payload}|${size}|${margin}`)).slice(0, 32)}"`;
  const response = new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': IMMUTABLE, etag } });
  await cache.put(key, response.clone());
  return conditional(c, response);
});

export default app;
