import { createRoute, z } from '@hono/zod-openapi';
import { revokeApiKey } from '../db/api-keys';
import { createMerchant, issueApiKey } from '../db/merchants';
import { notFound } from '../lib/problem';
import { createRouter } from '../lib/router';

const app = createRouter();
const security = [{ adminToken: [] }];
const tags = ['Admin'];

const merchantBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  mode: z.enum(['test', 'live']),
});

const createdMerchant = z
  .object({
    id: z.string(),
    name: z.string(),
    mode: z.enum(['test', 'live']),
    apiKey: z.string().openapi({ description: 'Shown once; stored hashed' }),
    createdAt: z.string(),
  })
  .openapi('CreatedMerchant');

const issuedKey = z.object({ id: z.string(), apiKey: z.string(), createdAt: z.string() }).openapi('IssuedApiKey');

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const createMerchantRoute = createRoute({
  method: 'post',
  path: '/v1/admin/merchants',
  tags,
  security,
  summary: 'Create a merchant and its first API key',
  request: { body: { required: true, content: { 'application/json': { schema: merchantBody } } } },
  responses: { 201: json(createdMerchant, 'The merchant, with its API key (shown once)') },
});

app.openapi(createMerchantRoute, async (c) => {
  const { name, mode } = c.req.valid('json');
  return c.json(await createMerchant(c.env, name, mode), 201);
});

const issueKeyRoute = createRoute({
  method: 'post',
  path: '/v1/admin/merchants/{id}/api-keys',
  tags,
  security,
  summary: 'Issue another API key for a merchant',
  request: { params: z.object({ id: z.string() }) },
  responses: { 201: json(issuedKey, 'The new key (shown once)') },
});

app.openapi(issueKeyRoute, async (c) => {
  const key = await issueApiKey(c.env, c.req.valid('param').id);
  if (!key) throw notFound('No such merchant');
  return c.json(key, 201);
});

const revokeKeyRoute = createRoute({
  method: 'delete',
  path: '/v1/admin/api-keys/{keyId}',
  tags,
  security,
  summary: 'Revoke an API key (it stops working at once)',
  request: { params: z.object({ keyId: z.string() }) },
  responses: { 204: { description: 'Revoked' } },
});

app.openapi(revokeKeyRoute, async (c) => {
  if (!(await revokeApiKey(c.env, c.req.valid('param').keyId))) throw notFound('No such API key');
  return c.body(null, 204);
});

export default app;
