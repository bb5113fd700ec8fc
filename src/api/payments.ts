import { createRoute, z } from '@hono/zod-openapi';
import { getOrder } from '../db/orders';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../db/pagination';
import { listPayments, type PaymentFilter, paymentFromRow } from '../db/payments';
import { notFound } from '../lib/problem';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { assignPayment } from '../payments/assign';
import { paymentSchema } from '../schemas/payment';

// Routes of one shape (createRoute, then its handler), as in every api/ file: each is its own operation.
const app = createRouter();
const security = [{ apiKey: [] }];
const page = { description: 'A page of payments, newest first', content: { 'application/json': { schema: pageSchema(paymentSchema) } } };

async function paymentsPage(env: Env, merchantId: string, filter: PaymentFilter, limit: number, cursor: string | undefined) {
  const rows = await listPayments(env, merchantId, filter, decodeCursor(cursor), limit);
  return toPage(rows, limit, (row) => ({ time: row.received_at, id: row.id }), paymentFromRow);
}

const orderPayments = createRoute({
  method: 'get',
  path: '/v1/orders/{id}/payments',
  tags: ['Payments'],
  security,
  summary: "List an order's payments",
  request: { params: z.object({ id: z.string() }), query: z.object(pageQuery) },
  responses: { 200: page },
});

app.openapi(orderPayments, async (c) => {
  const { id } = c.req.valid('param');
  const { limit, cursor } = c.req.valid('query');
  const merchantId = c.get('merchant').id;
  if (!(await getOrder(c.env, merchantId, id))) throw notFound('No such order');
  return c.json(await paymentsPage(c.env, merchantId, { orderId: id }, limit, cursor), 200);
});

const allPayments = createRoute({
  method: 'get',
  path: '/v1/payments',
  tags: ['Payments'],
  security,
  summary: 'List payments; `unmatched=true` lists those that matched no order',
  request: { query: z.object({ ...pageQuery, unmatched: z.enum(['true', 'false']).optional() }) },
  responses: { 200: page },
});

app.openapi(allPayments, async (c) => {
  const { limit, cursor, unmatched } = c.req.valid('query');
  return c.json(await paymentsPage(c.env, c.get('merchant').id, { unmatched: unmatched === 'true' }, limit, cursor), 200);
});

const assign = createRoute({
  method: 'post',
  path: '/v1/payments/{id}/assign',
  tags: ['Payments'],
  security,
  summary: 'Assign an unmatched payment to an order',
  description:
    'The payment joins the order once, keeping its id (`matchedBy: "manual"`); `payment.received` and any order transition follow as for a payment matched at once. 409 when it already belongs to an order.',
  request: {
    params: z.object({ id: z.string() }),
    body: {
      required: true,
      content: { 'application/json': { schema: z.strictObject({ orderId: z.string().min(1).max(64) }).openapi('AssignPayment') } },
    },
  },
  responses: { 200: { description: 'The payment, now on the order', content: { 'application/json': { schema: paymentSchema } } } },
});

app.openapi(assign, async (c) => {
  const payment = await assignPayment(
    c.env,
    c.get('merchant'),
    c.req.valid('param').id,
    c.req.valid('json').orderId,
    publicOrigin(c.env, c.req.url),
  );
  return c.json(payment, 200);
});

export default app;
