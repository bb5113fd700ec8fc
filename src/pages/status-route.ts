import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../lib/problem';
import { createRouter } from '../lib/router';
import { orderStatus } from '../schemas/order';
import { readOrder, statusOf } from './order-view';

const StatusSchema = z
  .object({
    status: orderStatus,
    amountPaid: z.number().int(),
    amount: z.number().int(),
  })
  .openapi('CheckoutStatus');

const route = createRoute({
  method: 'get',
  path: '/pay/{orderId}/status',
  tags: ['Checkout'],
  summary: "An order's payment status, for the hosted checkout page (public)",
  request: { params: z.object({ orderId: z.string() }) },
  responses: {
    200: { description: 'Current status (the clock decides expiry)', content: { 'application/json': { schema: StatusSchema } } },
    404: { description: 'No such order' },
  },
});

const app = createRouter();

// Public and polled every 2 s: never cached, so a payment shows up on the next poll.
app.openapi(route, async (c) => {
  const order = await readOrder(c.env, c.req.valid('param').orderId);
  if (!order) throw notFound('No such order');
  return c.json(statusOf(order), 200, { 'cache-control': 'no-store' });
});

export default app;
