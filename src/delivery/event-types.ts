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
