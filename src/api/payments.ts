import { createRoute, z } from '@hono/zod-openapi';
import { afterCursor, decodeCursor, pageQuery, pageSchema, toPage } from '../db/pagination';
import type { Env } from '../env';
import { notFound } from '../lib/problem';
import { createRouter } from '../lib/router';
import { type PaymentRow, paymentFromRow, paymentSchema } from './payment-schema';

const app = createRouter();
const security = [{ apiKey: [] }];
const page = { description: 'A page of payments, newest first', content: { 'application/json': { schema: pageSchema(paymentSchema) } } };

async function listPayments(env: Env, where: string, params: unknown[], limit: number, cursorText: string | undefined) {
  const after = afterCursor(decodeCursor(cursorText), 'received_at');
  const { results } = await env.DB.prepare(
    `SELECT * FROM payments WHERE ${where} AND ${after.sql} ORDER BY received_at DESC, id DESC LIMIT ?`,
  )
    .bind(...params, ...after.params, limit + 1)
    .all<PaymentRow>();
  return toPage(results, limit, (row) => ({ time: row.received_at, id: row.id }), paymentFromRow);
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
  const order = await c.env.DB.prepare('SELECT id FROM orders WHERE id = ? AND merchant_id = ?').bind(id, merchantId).first();
  if (!order) throw notFound('No such order');
  return c.json(await listPayments(c.env, 'merchant_id = ? AND order_id = ?', [merchantId, id], limit, cursor), 200);
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
  const where = unmatched === 'true' ? 'merchant_id = ? AND order_id IS NULL' : 'merchant_id = ?';
  return c.json(await listPayments(c.env, where, [c.get('merchant').id], limit, cursor), 200);
});

export default app;
