import { createRoute, z } from '@hono/zod-openapi';
import { decodeCursor, pageQuery, pageSchema } from '../db/pagination';
import { jsonResponse } from '../lib/openapi';
import { publicOrigin } from '../lib/public-origin';
import { createRouter } from '../lib/router';
import { listReconciliationRuns, runSchema } from '../reconcile/runs';
import { startReconciliation } from '../reconcile/start';

// Routes of one shape (createRoute, then its handler), as in every api/ file: each is its own operation.
const app = createRouter();
const security = [{ apiKey: [] }];
const tags = ['Reconciliation'];

export const reconcileBody = z
  .strictObject({
    since: z.iso
      .datetime({ offset: true, error: 'Expected an ISO 8601 time, e.g. 2026-11-21T10:00:00.000Z' })
      .optional()
      .openapi({ description: 'Pull from this time instead of the stored cursor', example: '2026-11-21T10:00:00.000Z' }),
  })
  .openapi('ReconcileInput');

const startRoute = createRoute({
  method: 'post',
  path: '/v1/provider-accounts/{id}/reconcile',
  tags,
  security,
  summary: "Pull what the account's provider knows now, and settle what was missed",
  request: {
    params: z.object({ id: z.string().openapi({ example: 'pa_…' }) }),
    body: { required: false, content: { 'application/json': { schema: reconcileBody } } },
  },
  responses: {
    202: jsonResponse(runSchema, 'The run, started (poll GET /v1/reconciliation-runs for its outcome)'),
    404: { description: 'Deleted, unknown or another merchant’s account' },
    422: { description: 'The provider has no pull API, or the account lacks the credential its pull needs' },
  },
});

app.openapi(startRoute, async (c) => {
  const body = (c.req.valid('json') ?? {}) as z.infer<typeof reconcileBody>;
  const run = await startReconciliation(c.env, c.get('merchant'), c.req.valid('param').id, body.since, publicOrigin(c.env, c.req.url));
  return c.json(run, 202);
});

const listRoute = createRoute({
  method: 'get',
  path: '/v1/reconciliation-runs',
  tags,
  security,
  summary: 'List reconciliation runs, newest first',
  request: { query: z.object({ ...pageQuery, providerAccountId: z.string().max(100).optional() }) },
  responses: { 200: jsonResponse(pageSchema(runSchema), 'One page of runs') },
});

app.openapi(listRoute, async (c) => {
  const { limit, cursor, providerAccountId } = c.req.valid('query');
  return c.json(await listReconciliationRuns(c.env, c.get('merchant').id, { providerAccountId }, decodeCursor(cursor), limit), 200);
});

export default app;
