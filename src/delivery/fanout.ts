import { type FanoutEndpoint, fanoutEndpoints } from '../db/endpoints';
import { maybeFail } from '../lib/faults';
import { endpointWants } from '../schemas/event';
import { addDelivery, type OutboxOwner } from './outbox';

/** An event waiting to be fanned out to the merchant's endpoints. */
export type FanoutEvent = {
  id: string;
  type: string;
  orderId: string | null;
};

/**
 * Off the money path: the events a transition committed get their deliveries here, after the commit, so a
 * callback is acknowledged without reading the merchant's endpoints. One D1 read per batch of events.
 */
export async function readFanout(env: Env, merchantId: string): Promise<FanoutEndpoint[]> {
  maybeFail('fan-out');
  return fanoutEndpoints(env, merchantId);
}

/** One outbox row per subscribed endpoint (skipped for a disabled one). Synchronous: run it in the owner's transaction. */
export function fanOut(sql: SqlStorage, owner: OutboxOwner, event: FanoutEvent, endpoints: FanoutEndpoint[], now: Date): void {
  for (const endpoint of endpoints) {
    if (!endpointWants(endpoint.eventTypes, event.type)) continue;
    addDelivery(
      sql,
      owner,
      { eventId: event.id, endpointId: endpoint.id, orderId: event.orderId, status: endpoint.enabled ? 'pending' : 'skipped' },
      now,
    );
  }
}
