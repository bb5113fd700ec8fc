import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../lib/router';
import { contentEtag, imageResponse } from '../qr/image-response';
import { renderQrSvg } from '../qr/svg';
import { quicklinkPayload } from './qr-quicklink';
import { quicklinkQuery } from './qr-schemas';

const app = createRouter();

const route = createRoute({
  method: 'get',
  path: '/qr.svg',
  tags: ['QR codes'],
  summary: 'Quicklink: the VietQR of any bank account as SVG',
  request: { query: quicklinkQuery },
  responses: {
    200: { description: 'The QR code (the same URL always renders the same image)', content: { 'image/svg+xml': { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match)' },
    422: { description: 'A parameter that cannot be encoded' },
  },
});

app.openapi(route, async (c) => {
  const query = c.req.valid('query');
  const svg = renderQrSvg(quicklinkPayload(query), { size: query.size, margin: query.margin });
  return imageResponse('svg', svg, { etag: await contentEtag(svg), request: c.req.raw });
});

export default app;
