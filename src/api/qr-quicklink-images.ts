import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../lib/router';
import { contentEtag, type ImageType, imageResponse } from '../qr/image-response';
import { renderQrPng } from '../qr/png';
import { renderQrSvg } from '../qr/svg';
import { quicklinkPayload } from './qr-quicklink';
import { quicklinkQuery } from './qr-schemas';

const app = createRouter();

const IMAGES = {
  svg: {
    summary: 'Quicklink: the VietQR of any bank account as SVG',
    description: 'The QR code (the same URL always renders the same image)',
    content: { 'image/svg+xml': { schema: z.string() } },
  },
  png: {
    summary: 'Quicklink: the VietQR of any bank account as PNG',
    description: 'The QR code, 1-bit greyscale, `size` px square (the same URL always renders the same image)',
    content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
  },
} as const;

/** GET /qr.svg and GET /qr.png: one quicklink query, one payload, two renderings. */
for (const type of ['svg', 'png'] as const satisfies ImageType[]) {
  const image = IMAGES[type];
  const route = createRoute({
    method: 'get',
    path: `/qr.${type}`,
    tags: ['QR codes'],
    summary: image.summary,
    request: { query: quicklinkQuery },
    responses: {
      200: { description: image.description, content: image.content },
      304: { description: 'Not modified (If-None-Match)' },
      422: { description: 'A parameter that cannot be encoded' },
    },
  });
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const options = { size: query.size, margin: query.margin };
    const payload = quicklinkPayload(query);
    const body = type === 'svg' ? renderQrSvg(payload, options) : await renderQrPng(payload, options);
    return imageResponse(type, body, { etag: await contentEtag(body), request: c.req.raw });
  });
}

export default app;
