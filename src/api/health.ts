import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../lib/router';

const app = createRouter();

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['System'],
  summary: 'Liveness check',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } } },
});

app.openapi(route, (c) => c.json({ ok: true as const }, 200));

export default app;
