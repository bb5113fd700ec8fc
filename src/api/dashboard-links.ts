import { createRoute, z } from '@hono/zod-openapi';
import { createSignInLink } from '../db/dashboard-sessions';
import { notFound } from '../lib/problem';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';

const app = createRouter();

const link = z
  .object({
    url: z
      .string()
      .openapi({ description: 'Opens a dashboard session for the merchant; works once', example: 'https://…/dashboard/link/…' }),
    expiresAt: z.string().openapi({ description: '15 minutes after creation' }),
  })
  .openapi('DashboardLink');

const createLinkRoute = createRoute({
  method: 'post',
  path: '/v1/admin/merchants/{id}/dashboard-links',
  tags: ['Admin'],
  security: [{ adminToken: [] }],
  summary: 'A one-time dashboard sign-in link for a merchant (single use, 15 minutes)',
  request: {
    params: z.object({ id: z.string() }),
    body: { required: false, content: { 'application/json': { schema: z.strictObject({}) } } },
  },
  responses: { 201: { description: 'The link', content: { 'application/json': { schema: link } } } },
});

app.openapi(createLinkRoute, async (c) => {
  const created = await createSignInLink(c.env, c.req.valid('param').id);
  if (!created) throw notFound('No such merchant');
  return c.json({ url: `${publicOrigin(c.env, c.req.url)}/dashboard/link/${created.token}`, expiresAt: created.expiresAt }, 201);
});

export default app;
