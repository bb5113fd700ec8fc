import { createRoute, z } from '@hono/zod-openapi';
import { getOrder, listOrders, orderToJson } from '../db/orders';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../db/pagination';
import { orderClock } from '../ledger/clock';
import { notFound } from '../lib/problem';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { cancelOrder } from '../orders/cancel';
import { createOrder } from '../orders/create';
import { createOrderBody } from '../orders/schema';
import { refreshOrder } from '../reconcile/refresh-order';
import { orderSchema, orderStatus } from '../schemas/order';

// Routes of one shape (createRoute, then its handler), as in every api/ file: each is its own operation.
const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Orders'];
const idParam = z.object({ id: z.string().openapi({ example: 'ord_…' }) });
const orderResponse = (description: string) => ({ description, content: { 'application/json': { schema: orderSchema } } });

const createOrderRoute = createRoute({
  method: 'post',
  path: '/v1/orders',
  tags,
  security,
  summary: 'Create an order and its VietQR code',
  request: { body: { required: true, content: { 'application/json': { schema: createOrderBody } } } },
  responses: { 201: orderResponse('The order') },
});

app.openapi(createOrderRoute, async (c) => {
  const origin = publicOrigin(c.env, c.req.url);
  return c.json(await createOrder(c.env, c.get('merchant'), c.req.valid('json'), origin), 201);
});

const listOrdersRoute = createRoute({
  method: 'get',
  path: '/v1/orders',
  tags,
  security,
  summary: 'List orders, newest first',
  request: {
    query: z.object({ ...pageQuery, status: orderStatus.optional(), reference: z.string().max(64).optional() }),
  },
  responses: { 200: { description: 'One page of orders', content: { 'application/json': { schema: pageSchema(orderSchema) } } } },
});

app.openapi(listOrdersRoute, async (c) => {
  const { limit, cursor, status, reference } = c.req.valid('query');
  const clock = orderClock(c.env);
  const rows = await listOrders(c.env, c.get('merchant').id, { status, reference }, decodeCursor(cursor), limit, clock.countingSince);
  const origin = publicOrigin(c.env, c.req.url);
  const page = toPage(
    rows,
    limit,
    (row) => ({ time: row.created_at, id: row.id }),
    (row) => orderToJson(row, origin, clock.status(row)),
  );
  return c.json(page, 200);
});

const getOrderRoute = createRoute({
  method: 'get',
  path: '/v1/orders/{id}',
  tags,
  security,
  summary: 'Get an order',
  request: {
    params: idParam,
    query: z.object({
      refresh: z.enum(['true', 'false']).optional().openapi({
        description: 'true: a pending or partially paid order is first re-checked at its provider, where the provider answers per order',
      }),
    }),
  },
  responses: { 200: orderResponse('The order'), 502: { description: 'refresh=true and the provider could not answer' } },
});

app.openapi(getOrderRoute, async (c) => {
  let row = await getOrder(c.env, c.get('merchant').id, c.req.valid('param').id);
  if (!row) throw notFound('No such order');
  const origin = publicOrigin(c.env, c.req.url);
  if (c.req.valid('query').refresh === 'true') row = await refreshOrder(c.env, row, origin, c.get('log'));
  return c.json(orderToJson(row, origin, orderClock(c.env).status(row)), 200);
});

const cancelOrderRoute = createRoute({
  method: 'post',
  path: '/v1/orders/{id}/cancel',
  tags,
  security,
  summary: 'Cancel a pending or partially paid order',
  // No fields: a body, when sent, is `{}` (CONTRACT §1: unknown fields are 422).
  request: { params: idParam, body: { required: false, content: { 'application/json': { schema: z.strictObject({}) } } } },
  responses: { 200: orderResponse('The canceled order') },
});

app.openapi(cancelOrderRoute, async (c) => {
  return c.json(await cancelOrder(c.env, c.get('merchant').id, c.req.valid('param').id, publicOrigin(c.env, c.req.url)), 200);
});

export default app;
