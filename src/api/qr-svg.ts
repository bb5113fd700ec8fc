import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../lib/router';
import { resolveBank } from '../qr/banks';
import { renderQrSvg } from '../qr/svg';
import { svgEtag, svgResponse } from '../qr/svg-response';
import { encodeOrProblem, unknownBank } from './qr-encode';
import { quicklinkQuery } from './qr-schemas';

export { svgEtag, svgResponse } from '../qr/svg-response';

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
  const { bank, account, amount, content, name, size, margin } = c.req.valid('query');
  const resolved = resolveBank(bank);
  if (!resolved) throw unknownBank('bank', bank);
  const payload = encodeOrProblem(
    {
      bin: resolved.bin,
      accountNumber: account,
      service: 'account',
      amount: amount ? Number(amount) : undefined,
      content,
      merchantName: name,
    },
    { bin: 'bank', accountNumber: 'account', merchantName: 'name' },
  );
  const svg = renderQrSvg(payload, { size, margin });
  return svgResponse(svg, { etag: await svgEtag(svg), request: c.req.raw });
});

export default app;
