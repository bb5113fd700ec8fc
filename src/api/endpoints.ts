import { createRoute, z } from '@hono/zod-openapi';
import { listEndpoints } from '../db/endpoints';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../db/pagination';
import {
  changeEndpoint,
  createEndpoint,
  deleteEndpoint,
  getEndpointJson,
  recoverEndpoint,
  revealSecret,
  rotateSecret,
} from '../endpoints/manage';
import {
  createdEndpointSchema,
  createEndpointBody,
  endpointSchema,
  endpointToJson,
  recoverBody,
  secretSchema,
  updateEndpointBody,
} from '../endpoints/schema';
import { jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';

// Routes of one shape (createRoute, then its handler), as in every api/ file: each is its own operation.
const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Endpoints'];
const params = z.object({ id: z.string().openapi({ example: 'ep_…' }) });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const createEndpointRoute = createRoute({
  method: 'post',
  path: '/v1/endpoints',
  tags,
  security,
  summary: 'Register a webhook endpoint (the secret is shown here and by GET …/secret only)',
  request: body(createEndpointBody),
  responses: { 201: jsonResponse(createdEndpointSchema, 'The endpoint, with its signing secret') },
});

app.openapi(createEndpointRoute, async (c) => c.json(await createEndpoint(c.env, c.get('merchant').id, c.req.valid('json')), 201));

const listEndpointsRoute = createRoute({
  method: 'get',
  path: '/v1/endpoints',
  tags,
  security,
  summary: 'List endpoints, newest first',
  request: { query: z.object(pageQuery) },
  responses: { 200: jsonResponse(pageSchema(endpointSchema), 'One page of endpoints') },
});

app.openapi(listEndpointsRoute, async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const rows = await listEndpoints(c.env, c.get('merchant').id, decodeCursor(cursor), limit);
  return c.json(
    toPage(rows, limit, (row) => ({ time: row.created_at, id: row.id }), endpointToJson),
    200,
  );
});

const getEndpointRoute = createRoute({
  method: 'get',
  path: '/v1/endpoints/{id}',
  tags,
  security,
  summary: 'Get an endpoint',
  request: { params },
  responses: { 200: jsonResponse(endpointSchema, 'The endpoint') },
});

app.openapi(getEndpointRoute, async (c) => c.json(await getEndpointJson(c.env, c.get('merchant').id, c.req.valid('param').id), 200));

const getSecretRoute = createRoute({
  method: 'get',
  path: '/v1/endpoints/{id}/secret',
  tags,
  security,
  summary: "Get an endpoint's current signing secret",
  request: { params },
  responses: { 200: jsonResponse(secretSchema, 'The secret') },
});

app.openapi(getSecretRoute, async (c) => c.json({ secret: await revealSecret(c.env, c.get('merchant').id, c.req.valid('param').id) }, 200));

const updateEndpointRoute = createRoute({
  method: 'patch',
  path: '/v1/endpoints/{id}',
  tags,
  security,
  summary: 'Change an endpoint (re-enabling clears its failure state)',
  request: { params, ...body(updateEndpointBody) },
  responses: { 200: jsonResponse(endpointSchema, 'The endpoint') },
});

app.openapi(updateEndpointRoute, async (c) =>
  c.json(await changeEndpoint(c.env, c.get('merchant').id, c.req.valid('param').id, c.req.valid('json')), 200),
);

const deleteEndpointRoute = createRoute({
  method: 'delete',
  path: '/v1/endpoints/{id}',
  tags,
  security,
  summary: 'Delete an endpoint (nothing more is sent to it)',
  request: { params },
  responses: { 204: { description: 'Deleted' } },
});

app.openapi(deleteEndpointRoute, async (c) => {
  await deleteEndpoint(c.env, c.get('merchant').id, c.req.valid('param').id);
  return c.body(null, 204);
});

const rotateSecretRoute = createRoute({
  method: 'post',
  path: '/v1/endpoints/{id}/rotate-secret',
  tags,
  security,
  summary: 'Rotate the signing secret (the old one keeps signing alongside for 24 h)',
  request: { params, body: { required: false, content: { 'application/json': { schema: z.strictObject({}) } } } },
  responses: { 200: jsonResponse(secretSchema, 'The new secret') },
});

app.openapi(rotateSecretRoute, async (c) =>
  c.json({ secret: await rotateSecret(c.env, c.get('merchant').id, c.req.valid('param').id) }, 200),
);

const recoverRoute = createRoute({
  method: 'post',
  path: '/v1/endpoints/{id}/recover',
  tags,
  security,
  summary: 'Re-send failed and skipped deliveries created since a time',
  request: { params, ...body(recoverBody) },
  responses: { 202: jsonResponse(z.object({ requeued: z.number().int() }).openapi('RecoverResult'), 'Deliveries queued again') },
});

app.openapi(recoverRoute, async (c) => {
  const requeued = await recoverEndpoint(c.env, c.get('merchant').id, c.req.valid('param').id, c.req.valid('json').since);
  return c.json({ requeued }, 202);
});

export default app;
