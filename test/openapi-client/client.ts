// A merchant's code against a client generated from /openapi.json with openapi-typescript's defaults, used
// through openapi-fetch. `npm run check` generates the types and type-checks this file with `tsc --strict`:
// every line here is something the document must let a generator get right. `@ts-expect-error` lines must
// stay errors (the document must not let them through).
import createClient from 'openapi-fetch';
import type { components, paths, webhooks } from './generated/api';

type Schemas = components['schemas'];

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:8787', headers: { authorization: 'Bearer sk_test_…' } });

/** Only amount and reference are required; expiresInSeconds and the rest have defaults or are optional. */
export async function createOrder(reference: string): Promise<Schemas['Order']> {
  const { data, error } = await client.POST('/v1/orders', {
    body: { amount: 50_000, reference },
    params: { header: { 'Idempotency-Key': `order-${reference}` } },
  });
  if (error) {
    // Every error is the one Problem: a code to branch on, the existing order's id on a duplicate reference.
    if (error.code === 'duplicate_reference' && error.orderId) return getOrder(error.orderId);
    const fields = (error.errors ?? []).map((field) => `${field.path}: ${field.message}`);
    throw new Error(`${error.status} ${error.code}: ${error.detail} ${fields.join('; ')}`);
  }
  const expiresAt: string = data.expiresAt;
  const paidAt: string | null = data.paidAt;
  void [expiresAt, paidAt];
  return data;
}

/** The Idempotency-Key header is optional. */
export async function getOrder(id: string): Promise<Schemas['Order']> {
  const { data, error } = await client.GET('/v1/orders/{id}', { params: { path: { id }, query: { refresh: 'true' } } });
  if (error) throw new Error(`${error.code}: ${error.detail}`);
  return data;
}

export async function cancel(id: string): Promise<Schemas['Order'] | 'already closed'> {
  const { data, error } = await client.POST('/v1/orders/{id}/cancel', { params: { path: { id } } });
  if (error?.code === 'order_not_open') return 'already closed';
  if (error) throw new Error(error.detail);
  return data;
}

export async function unmatched(): Promise<Schemas['Payment'][]> {
  const { data, error } = await client.GET('/v1/payments', { params: { query: { unmatched: 'true', limit: 100 } } });
  if (error) throw new Error(error.detail);
  const next: string | null = data.nextCursor;
  void next;
  return data.data;
}

export async function newEndpoint(): Promise<string> {
  const { data, error } = await client.POST('/v1/endpoints', { body: { url: 'https://shop.example/webhooks/vietqr' } });
  if (error) throw new Error(error.detail);
  return data.secret;
}

/** Events: `data.payment` is a Payment or null as each type says, narrowed by `type`. */
export function describeEvent(event: Schemas['Event']): string {
  switch (event.type) {
    case 'payment.received':
      return `${event.data.payment.amount} VND for ${event.data.order.reference}`;
    case 'payment.unmatched': {
      const order: null = event.data.order;
      return `unmatched ${event.data.payment.amount} VND ${order ?? ''}`;
    }
    case 'order.paid':
    case 'order.partially_paid':
      return `${event.data.order.amountPaid}/${event.data.order.amount} (${event.data.payment?.id ?? 'no payment'})`;
    case 'order.canceled':
    case 'order.expired': {
      const payment: null = event.data.payment;
      // @ts-expect-error: no payment on a canceled or expired order's event
      void event.data.payment.amount;
      return `${event.data.order.status} ${payment ?? ''}`;
    }
    case 'endpoint.disabled':
      return `endpoint ${event.data.endpoint.id} disabled`;
  }
}

/** A webhook body as the document's `webhooks` describe it, with the headers to verify. */
type OrderPaid = webhooks['order.paid']['post'];
export function onOrderPaid(headers: OrderPaid['parameters']['header'], body: OrderPaid['requestBody']['content']['application/json']) {
  const id: string = headers['webhook-id'];
  const signature: string = headers['webhook-signature'];
  return { id, signature, order: body.data.order.id, type: body.type satisfies 'order.paid' };
}

export async function wrongOnPurpose() {
  // @ts-expect-error: amount is an integer number of VND, not a string
  await client.POST('/v1/orders', { body: { amount: '50000', reference: 'X' } });
  // @ts-expect-error: reference is required
  await client.POST('/v1/orders', { body: { amount: 50_000 } });
}
