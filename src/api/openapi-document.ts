import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../lib/app-env';
import { type Document, finishDocument, problemSchema } from '../lib/openapi';
import { providerOperations } from '../providers/registry';
import { EVENT_DESCRIPTIONS, EVENT_TYPES, eventSchemas } from '../schemas/event';
import { OPERATIONS, TAGS } from './operations';

const INFO = {
  title: 'VietQR payment router',
  version: '0.1.0',
  description: [
    'Orders with dynamic VietQR codes, provider callbacks settled exactly once per bank transfer, and signed event delivery.',
    '',
    '- Merchant API: `Authorization: Bearer sk_test_…` or `sk_live_…`. Admin API: `Authorization: Bearer <ADMIN_TOKEN>`.',
    '- Bodies are JSON, at most 64 KiB; unknown fields are refused (422). Money is an integer number of VND; times are ISO 8601 UTC.',
    '- Errors are `application/problem+json` (RFC 9457) with a machine-readable `code` and, on 422, `errors[]` per field.',
    '- Every merchant POST accepts `Idempotency-Key`. Lists take `limit` (1–100) and `cursor`, and answer `{data, nextCursor}`, newest first.',
    '- Events reach your endpoints as the `webhooks` of this document describe: verify `webhook-signature` with any Standard Webhooks library.',
  ].join('\n'),
};

const webhookHeaders = z.object({
  'webhook-id': z.string().openapi({ description: 'The event id: the same on every attempt; dedupe on it', example: 'evt_…' }),
  'webhook-timestamp': z.string().regex(/^\d+$/).openapi({
    description: 'Unix seconds when this attempt was signed; refuse stale ones (Standard Webhooks: 5 min)',
    example: '1795255200',
  }),
  'webhook-signature': z.string().openapi({
    description:
      '`v1,<base64 HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}")>`, key = the base64-decoded part of `whsec_…`. ' +
      'During a secret rotation two signatures, space-separated: accept the request if either verifies.',
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  }),
});

const pascal = (type: string) =>
  type
    .split(/[._]/)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/** Components and webhooks the routes do not register themselves. Call once, on the app that serves the document. */
export function registerDocumentParts(app: OpenAPIHono<AppEnv>) {
  const registry = app.openAPIRegistry;
  registry.register('Problem', problemSchema);
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'API key: sk_test_… or sk_live_…',
  });
  registry.registerComponent('securitySchemes', 'adminToken', { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN secret' });
  for (const type of EVENT_TYPES) {
    registry.registerWebhook({
      method: 'post',
      path: type,
      operationId: `webhook${pascal(type)}`,
      tags: ['Webhooks'],
      summary: `Event ${type}`,
      description: `${EVENT_DESCRIPTIONS[type]} Sent to each enabled endpoint subscribed to \`${type}\` (or to all types).`,
      security: [],
      request: {
        headers: webhookHeaders,
        body: { required: true, content: { 'application/json': { schema: eventSchemas[type] } } },
      },
      responses: {
        200: {
          description:
            'Any 2xx within 15 s counts as delivered. Anything else (redirects included) is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h; `Retry-After` is honoured.',
        },
        410: { description: 'Gone: disables the endpoint; nothing more is sent until it is enabled again' },
      },
    });
  }
}

const finished = new WeakMap<OpenAPIHono<AppEnv>, Document>();

/** The finished document, served for an origin; built once per isolate (the routes never change at run time). */
export function openApiDocument(app: OpenAPIHono<AppEnv>, origin: string): Document {
  let doc = finished.get(app);
  if (!doc) {
    // The generator's own document type (openapi3-ts) is read through ours, which names only what finishDocument touches.
    const generated = app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO }) as unknown as Document;
    doc = finishDocument(generated, { servers: [], tags: TAGS, operations: { ...OPERATIONS, ...providerOperations } });
    finished.set(app, doc);
  }
  return { ...doc, servers: [{ url: origin, description: 'This deployment' }] };
}
