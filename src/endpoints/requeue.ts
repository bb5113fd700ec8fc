import { deliveryOwners } from '../db/deliveries';
import { ownerStub } from '../ledger/stubs';

/** Makes the named deliveries due now, each through the Durable Object that holds its outbox row. */
export async function requeueDeliveries(env: Env, deliveryIds: string[]): Promise<number> {
  if (deliveryIds.length === 0) return 0;
  const byOwner = new Map<string, string[]>();
  for (const row of await deliveryOwners(env, deliveryIds)) byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), row.id]);
  let count = 0;
  // Owners of the first design (per-order DOs) no longer exist: their deliveries cannot be requeued.
  for (const [owner, ids] of byOwner) count += (await ownerStub(env, owner)?.requeue(ids)) ?? 0;
  return count;
}
