import { createRoute, z } from '@hono/zod-openapi';
import { attemptFromRow, eventFromRow, getEvent, listAttempts, listEvents } from '../db/events';
import { decodeCursor, pageQuery, pageSchema, toPage } from '../db/pagination';
import { replay } from '../events/replay';
import { jsonResponse } from '../lib/openapi';
import { notFound } from '../lib/problem';
import { createRouter } from '../lib/router';
import { attemptSchema, EVENT_TYPES, eventSchema } from '../schemas/event';

// Routes of one shape (createRoute, then its handler), as in every api/ file: each is its own operation.
const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Events'];
const idParam = z.object({ id: z.string() });

async function findEvent(env: Env, merchantId: string, id: string) {
  const row = await getEvent(env, merchantId, id);
  if (!row) throw notFound('No such event');
  return row;
}

const list = createRoute({
  method: 'get',
  path: '/v1/events',
  tags,
  security,
  summary: 'List events, newest first',
  request: { query: z.object({ ...pageQuery, type: z.enum(EVENT_TYPES).optional() }) },
  responses: { 200: jsonResponse(pageSchema(eventSchema), 'A page of events') },
});

app.openapi(list, async (c) => {
  const { limit, cursor, type } = c.req.valid('query');
  const results = await listEvents(c.env, c.get('merchant').id, { type }, decodeCursor(cursor), limit);
  return c.json(
    toPage(results, limit, (row) => ({ time: row.created_at, id: row.id }), eventFromRow),
    200,
  );
});

const getOne = createRoute({
  method: 'get',
  path: '/v1/events/{id}',
  tags,
  security,
  summary: 'Get an event',
  request: { params: idParam },
  responses: { 200: jsonResponse(eventSchema, 'The event') },
});

app.openapi(getOne, async (c) => c.json(eventFromRow(await findEvent(c.env, c.get('merchant').id, c.req.valid('param').id)), 200));

const attempts = createRoute({
  method: 'get',
  path: '/v1/events/{id}/attempts',
  tags,
  security,
  summary: "List an event's delivery attempts, newest first",
  request: { params: idParam, query: z.object(pageQuery) },
  responses: { 200: jsonResponse(pageSchema(attemptSchema), 'A page of attempts') },
});

app.openapi(attempts, async (c) => {
  const event = await findEvent(c.env, c.get('merchant').id, c.req.valid('param').id);
  const { limit, cursor } = c.req.valid('query');
  const results = await listAttempts(c.env, event.id, decodeCursor(cursor), limit);
  return c.json(
    toPage(results, limit, (row) => ({ time: row.created_at, id: row.id }), attemptFromRow),
    200,
  );
});

const replayRoute = createRoute({
  method: 'post',
  path: '/v1/events/{id}/replay',
  tags,
  security,
  summary: 'Send an event again (to one endpoint, or to every enabled endpoint that wants its type)',
  request: {
    params: idParam,
    body: { required: false, content: { 'application/json': { schema: z.strictObject({ endpointId: z.string().optional() }) } } },
  },
  responses: { 202: jsonResponse(z.object({ eventId: z.string(), deliveries: z.number().int() }), 'Queued') },
});

app.openapi(replayRoute, async (c) =>
  c.json(await replay(c.env, c.get('merchant').id, c.req.valid('param').id, c.req.valid('json')?.endpointId), 202),
);

export default app;
