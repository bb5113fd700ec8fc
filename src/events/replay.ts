import { replayTargets } from '../db/endpoints';
import { getEvent } from '../db/events';
import { getOrder } from '../db/orders';
import { ledgerStub, merchantStub } from '../ledger/stubs';
import { notFound } from '../lib/problem';

/** Sends an event again: to one endpoint, or to every enabled endpoint that wants its type. */
export async function replay(env: Env, merchantId: string, eventId: string, endpointId?: string) {
  const event = await getEvent(env, merchantId, eventId);
  if (!event) throw notFound('No such event');
  const targets = await replayTargets(env, merchantId, event.type, endpointId);
  if (endpointId && targets.length === 0) throw notFound('No such enabled endpoint');
  const stored = { id: event.id, type: event.type, orderId: event.order_id, json: eventJson(event) };
  let owner = event.owner;
  // Events of the first design name no owner: their order's ledger (or the merchant's events) takes them over.
  if (!owner) {
    const order = event.order_id ? await getOrder(env, merchantId, event.order_id) : null;
    owner = order ? `ledger:${order.ledger}` : `merchant:${merchantId}`;
  }
  const deliveries = owner.startsWith('ledger:')
    ? await ledgerStub(env, owner.slice('ledger:'.length)).replay(merchantId, owner.slice('ledger:'.length), stored, targets)
    : await merchantStub(env, merchantId).replay(merchantId, stored, targets);
  return { eventId: event.id, deliveries };
}

const eventJson = (event: { id: string; type: string; created_at: string; data: string }) =>
  JSON.stringify({ id: event.id, object: 'event', type: event.type, createdAt: event.created_at, data: JSON.parse(event.data) });
