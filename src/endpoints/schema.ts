import { z } from '@hono/zod-openapi';
import type { EndpointRow } from '../db/endpoints';
import { EVENT_TYPES } from '../schemas/event';

const eventType = z.enum(EVENT_TYPES);
// Duplicates are dropped rather than refused: a set of types is what the merchant means.
const eventTypes = z
  .array(eventType)
  .min(1)
  .max(EVENT_TYPES.length * 2)
  .transform((types) => [...new Set(types)])
  .nullable()
  .openapi({ description: 'Event types to receive; null for all', example: ['order.paid'] });
// The URL's policy (https, public host) depends on configuration, so it is checked in the service.
const url = z.string().min(1).max(2048).openapi({ format: 'uri', example: 'https://shop.example/webhooks/vietqr' });
const description = z.string().max(500).nullable();

export const createEndpointBody = z
  .strictObject({ url, eventTypes: eventTypes.default(null), description: description.optional() })
  .openapi('CreateEndpoint');

export const updateEndpointBody = z
  .strictObject({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    enabled: z.boolean().optional(),
    description: description.optional(),
  })
  .openapi('UpdateEndpoint');

export const recoverBody = z
  .strictObject({ since: z.iso.datetime({ offset: true }).openapi({ example: '2026-11-21T10:00:00.000Z' }) })
  .openapi('RecoverEndpoint');

export const endpointSchema = z
  .object({
    id: z.string().openapi({ example: 'ep_…' }),
    url: z.string(),
    eventTypes: z.array(eventType).nullable(),
    enabled: z.boolean(),
    description: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Endpoint');

export const secretSchema = z.object({ secret: z.string().openapi({ example: 'whsec_…' }) }).openapi('EndpointSecret');

export const createdEndpointSchema = endpointSchema.extend(secretSchema.shape).openapi('CreatedEndpoint');

export type CreateEndpointInput = z.infer<typeof createEndpointBody>;
export type UpdateEndpointInput = z.infer<typeof updateEndpointBody>;

/** The public view of an endpoint: never its secrets or failure bookkeeping. */
export function endpointToJson(
  row: Pick<EndpointRow, 'id' | 'url' | 'event_types' | 'enabled' | 'description' | 'created_at'>,
): z.infer<typeof endpointSchema> {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types === null ? null : (JSON.parse(row.event_types) as z.infer<typeof eventType>[]),
    enabled: row.enabled === 1,
    description: row.description,
    createdAt: row.created_at,
  };
}
