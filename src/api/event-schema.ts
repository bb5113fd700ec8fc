import { z } from '@hono/zod-openapi';
import type { AttemptRow, EventRow } from '../db/events';
import { EVENT_TYPES } from '../delivery/event-types';
import { isoTime, orNull } from '../lib/openapi';
import { orderSchema } from '../orders/schema';
import { paymentSchema } from './payment-schema';

export const EVENT_TYPE_VALUES = EVENT_TYPES;

type EventType = (typeof EVENT_TYPES)[number];

/** What each event type carries (CONTRACT §5), so that generators give each its exact `data`. */
const dataOf = {
  'payment.received': { order: orderSchema, payment: paymentSchema },
  'payment.unmatched': { order: z.null(), payment: paymentSchema },
  'order.partially_paid': { order: orderSchema, payment: orNull(paymentSchema) },
  'order.paid': { order: orderSchema, payment: orNull(paymentSchema) },
  'order.expired': { order: orderSchema, payment: z.null() },
  'order.canceled': { order: orderSchema, payment: z.null() },
  'endpoint.disabled': {
    order: z.null(),
    payment: z.null(),
    endpoint: z.object({ id: z.string().openapi({ example: 'ep_…' }) }).openapi({ description: 'The endpoint that was disabled' }),
  },
} satisfies Record<EventType, z.ZodRawShape>;

export const EVENT_DESCRIPTIONS: Record<EventType, string> = {
  'payment.received': 'A verified transfer matched an order (in any state: late payments after expiry or cancel included).',
  'payment.unmatched': 'A verified transfer matched no order; it is listed by `GET /v1/payments?unmatched=true` until it is assigned.',
  'order.partially_paid': 'A payment left the order below its amount.',
  'order.paid': 'The order reached its amount (exactly once per order, ever).',
  'order.expired': 'The order expired unpaid or partially paid.',
  'order.canceled': 'The order was canceled.',
  'endpoint.disabled': 'An endpoint was disabled after failing every delivery attempt for 5 days.',
};

const schemaName = (type: EventType) =>
  `${type
    .split(/[._]/)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')}Event`;

const eventOf = <T extends EventType>(type: T) =>
  z
    .object({
      id: z.string().openapi({ example: 'evt_…', description: 'Also the `webhook-id` of every delivery of this event' }),
      object: z.literal('event'),
      type: z.literal(type),
      createdAt: isoTime(),
      data: z.object(dataOf[type]),
    })
    .openapi(schemaName(type), { description: EVENT_DESCRIPTIONS[type] });

/** One schema per event type, by type: the bodies of the webhooks of the OpenAPI document. */
export const eventSchemas = Object.fromEntries(EVENT_TYPES.map((type) => [type, eventOf(type)])) as {
  [T in EventType]: ReturnType<typeof eventOf<T>>;
};

export const eventSchema = z
  .discriminatedUnion(
    'type',
    EVENT_TYPES.map((type) => eventSchemas[type]) as unknown as [
      (typeof eventSchemas)['payment.received'],
      ...(typeof eventSchemas)[EventType][],
    ],
  )
  .openapi('Event', { description: 'Something that happened; delivered to endpoints as the body of a webhook' });

export const attemptSchema = z
  .object({
    id: z.string().openapi({ example: 'att_…' }),
    endpointId: z.string(),
    attempt: z.number().int(),
    status: z.enum(['succeeded', 'failed']),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().openapi({ description: 'First 2 KiB of the answer' }),
    durationMs: z.number().int(),
    createdAt: isoTime(),
  })
  .openapi('Attempt');

export const eventFromRow = (row: EventRow) =>
  ({
    id: row.id,
    object: 'event' as const,
    type: row.type,
    createdAt: row.created_at,
    data: JSON.parse(row.data),
  }) as z.infer<typeof eventSchema>;

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
