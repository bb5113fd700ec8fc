import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../lib/router';
import { contentEtag, imageResponse } from '../qr/image-response';
import { renderQrPng } from '../qr/png';
import { quicklinkPayload } from './qr-quicklink';
import { quicklinkQuery } from './qr-schemas';

const app = createRouter();

const route = createRoute({
  method: 'get',
  path: '/qr.png',
  tags: ['QR codes'],
  summary: 'Quicklink: the VietQR of any bank account as PNG',
  request: { query: quicklinkQuery },
  responses: {
    200: {
      description: 'The QR code, 1-bit greyscale, `size` px square (the same URL always renders the same image)',
      content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    304: { description: 'Not modified (If-None-Match)' },
    422: { description: 'A parameter that cannot be encoded' },
  },
});

app.openapi(route, async (c) => {
  const query = c.req.valid('query');
  const png = await renderQrPng(quicklinkPayload(query), { size: query.size, margin: query.margin });
  return imageResponse('png', png, { etag: await contentEtag(png), request: c.req.raw });
});

export default app;
