import { createRoute, z } from '@hono/zod-openapi';
import { conflict, notFound } from '../lib/problem';
import { createRouter } from '../lib/router';
import { readOrder } from '../pages/order-view';
import { remainingQr } from '../pages/remaining-qr';
import { contentEtag, type ImageType, imageResponse, notModified, REVALIDATE_CACHE } from '../qr/image-response';
import { renderQrPng } from '../qr/png';
import { renderQrSvg } from '../qr/svg';

const app = createRouter();

const FILE = /^(ord_[0-9a-zA-Z_-]{1,64})\.(svg|png)$/;

const route = createRoute({
  method: 'get',
  path: '/qr/{file}',
  tags: ['QR codes'],
  summary: "An order's VietQR as SVG or PNG (public, like the checkout page)",
  request: {
    params: z.object({ file: z.string().openapi({ description: '`<orderId>.svg` or `<orderId>.png`', example: 'ord_….png' }) }),
    query: z.object({
      size: z.coerce.number().int().min(64).max(2048).default(320).openapi({ description: 'Width and height in px' }),
      margin: z.coerce.number().int().min(0).max(16).default(4).openapi({ description: 'Quiet zone in modules' }),
      remaining: z
        .enum(['true', 'false'])
        .default('false')
        .openapi({ description: 'true: the QR for the amount still due, same account and content (not immutable)' }),
      v: z.string().max(32).optional().openapi({ description: 'Ignored; lets a page ask for a fresh remaining-amount image' }),
    }),
  },
  responses: {
    200: {
      description: 'The QR code',
      content: { 'image/svg+xml': { schema: z.string() }, 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    304: { description: 'Not modified (If-None-Match)' },
    404: { description: 'No such order' },
    409: { description: '?remaining=true where no QR for the remaining amount exists; detail says why' },
  },
});

const render = (type: ImageType, payload: string, size: number, margin: number): Promise<string | Uint8Array> | string =>
  type === 'svg' ? renderQrSvg(payload, { size, margin }) : renderQrPng(payload, { size, margin });

app.openapi(route, async (c) => {
  const match = FILE.exec(c.req.valid('param').file);
  if (!match) throw notFound('No such QR code');
  const [, orderId = '', extension] = match;
  const ext: ImageType = extension === 'png' ? 'png' : 'svg';
  const { size, margin, remaining } = c.req.valid('query');

  if (remaining === 'true') {
    // Changes with amountPaid: never in the shared cache, revalidated by ETag on every use.
    const order = await readOrder(c.env, orderId);
    if (!order) throw notFound('No such order');
    const qr = remainingQr(order);
    if (!qr.ok) throw conflict(qr.reason);
    const body = await render(ext, qr.payload, size, margin);
    return imageResponse(ext, body, { etag: await contentEtag(body), cacheControl: REVALIDATE_CACHE, request: c.req.raw });
  }

  // An order's payload never changes, so each (order, type, size, margin) rendering is immutable. The cache key
  // is the canonical URL only: no client headers, so one entry serves everyone.
  const key = new Request(`${new URL(c.req.url).origin}/qr/${orderId}.${ext}?size=${size}&margin=${margin}`);
  const cache = caches.default;
  const cached = await cache.match(key);
  // Responses out of the cache have immutable headers; later middleware adds its own.
  if (cached) return notModified(c.req.raw, cached.headers) ?? new Response(cached.body, cached);

  const order = await readOrder(c.env, orderId);
  if (!order) throw notFound('No such order');
  const body = await render(ext, order.qrPayload, size, margin);
  const response = imageResponse(ext, body, { etag: await contentEtag(body) });
  await cache.put(key, response.clone());
  return notModified(c.req.raw, response.headers) ?? response;
});

export default app;
