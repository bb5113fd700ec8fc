import { createRoute } from '@hono/zod-openapi';
import { jsonResponse } from '../lib/openapi';
import { HttpError } from '../lib/problem';
import { createRouter } from '../lib/router';
import { bankByBin, resolveBank } from '../qr/banks';
import { decodeVietQr } from '../qr/vietqr';
import { encodeOrProblem, unknownBank } from './qr-encode';
import { decodeBody, decodedQr, encodeBody, encodedQr } from './qr-schemas';

const app = createRouter();
const tags = ['QR codes'];

// Two route declarations of one shape (encode, decode): each its own operation.
const encodeRoute = createRoute({
  method: 'post',
  path: '/v1/qr/encode',
  tags,
  summary: 'Encode a VietQR transfer payload (public)',
  request: { body: { required: true, content: { 'application/json': { schema: encodeBody } } } },
  responses: { 200: jsonResponse(encodedQr, 'The EMVCo payload, CRC included'), 422: { description: 'A field that cannot be encoded' } },
});

app.openapi(encodeRoute, (c) => {
  const { bank, ...fields } = c.req.valid('json');
  const resolved = resolveBank(bank);
  if (!resolved) throw unknownBank('bank', bank);
  return c.json({ payload: encodeOrProblem({ ...fields, bin: resolved.bin }, { bin: 'bank' }) }, 200);
});

const decodeRoute = createRoute({
  method: 'post',
  path: '/v1/qr/decode',
  tags,
  summary: 'Decode and check a VietQR payload (public)',
  request: { body: { required: true, content: { 'application/json': { schema: decodeBody } } } },
  responses: {
    200: jsonResponse(decodedQr, 'A valid VietQR transfer code'),
    422: { description: 'Not a valid VietQR transfer code; detail says why' },
  },
});

app.openapi(decodeRoute, (c) => {
  const decoded = decodeVietQr(c.req.valid('json').payload);
  if (!decoded.ok) throw new HttpError(422, decoded.reason, [{ path: 'payload', message: decoded.reason }]);
  const { initMethod, bin, accountNumber, service, ...rest } = decoded.value;
  return c.json({ valid: true as const, initMethod, bin, bank: bankByBin(bin), accountNumber, service, ...rest }, 200);
});

export default app;
