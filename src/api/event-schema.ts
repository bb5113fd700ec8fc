import { z } from '@hono/zod-openapi';
import type { AttemptRow, EventRow } from '../db/events';
import { EVENT_TYPES } from '../delivery/event-types';
import { paymentSchema } from './payment-schema';

export const EVENT_TYPE_VALUES = EVENT_TYPES;

export const eventSchema = z
  .object({
    id: z.string().openapi({ example: 'evt_…' }),
    object: z.literal('event'),
    type: z.enum(EVENT_TYPE_VALUES),
    createdAt: z.string(),
    data: z.object({
      order: z
        .record(z.string(), z.unknown())
        .nullable()
        .openapi({ description: 'The order (as GET /v1/orders/{id}) at the time of the event' }),
      payment: paymentSchema.nullable(),
    }),
  })
  .openapi('Event');

export const attemptSchema = z
  .object({
    id: z.string().openapi({ example: 'att_…' }),
    endpointId: z.string(),
    attempt: z.number().int(),
    status: z.enum(['succeeded', 'failed']),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().openapi({ description: 'First 2 KiB of the answer' }),
    durationMs: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Attempt');

export const eventFromRow = (row: EventRow) => ({
  id: row.id,
  object: 'event' as const,
  type: row.type as (typeof EVENT_TYPE_VALUES)[number],
  createdAt: row.created_at,
  data: JSON.parse(row.data),
});

export const attemptFromRow = (row: AttemptRow) => ({
  id: row.id,
  endpointId: row.endpoint_id,
  attempt: row.attempt,
  status: row.status,
  responseStatus: row.response_status,
  responseBody: row.response_body ?? '',
  durationMs: row.duration_ms,
  createdAt: row.created_at,
});
