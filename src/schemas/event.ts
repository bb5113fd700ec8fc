import { z } from '@hono/zod-openapi';
import { isoTime, orNull } from './openapi-shapes';
import { orderSchema } from './order';
import { paymentSchema } from './payment';

/** Every event type of CONTRACT §5, the vocabulary of endpoint subscriptions. */
export const EVENT_TYPES = [
  'payment.received',
  'payment.unmatched',
  'order.partially_paid',
  'order.paid',
  'order.expired',
  'order.canceled',
  'endpoint.disabled',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Whether an endpoint subscribed to `eventTypes` (null: every type) gets events of `type`. */
export function endpointWants(eventTypes: readonly string[] | null, type: string): boolean {
  return eventTypes === null || eventTypes.includes(type);
}

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

type EventSchemas = { [T in EventType]: ReturnType<typeof eventOf<T>> };

/** One schema per event type, by type: the bodies of the webhooks of the OpenAPI document. */
export const eventSchemas = Object.fromEntries(EVENT_TYPES.map((type) => [type, eventOf(type)])) as EventSchemas;

// zod wants a non-empty tuple; the map over EVENT_TYPES is one, which TypeScript cannot see through.
const eventSchemaList = EVENT_TYPES.map((type) => eventSchemas[type]) as [EventSchemas[EventType], ...EventSchemas[EventType][]];

export const eventSchema = z
  .discriminatedUnion('type', eventSchemaList)
  .openapi('Event', { description: 'Something that happened; delivered to endpoints as the body of a webhook' });

/** The public Event object (CONTRACT §5): one member per type. */
export type Event = z.infer<typeof eventSchema>;

/** An event of one type (or of any of a union of types), with its exact `data`. */
export type EventOf<T extends EventType> = Extract<Event, { type: T }>;

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

export type Attempt = z.infer<typeof attemptSchema>;
