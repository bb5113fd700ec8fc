import type { Env } from '../env';
import { ledgerStub } from './owners';

/** Makes the named deliveries due now, each through the DO that owns its outbox row. */
export async function requeueDeliveries(env: Env, deliveryIds: string[]): Promise<number> {
  if (deliveryIds.length === 0) return 0;
  const byOwner = new Map<string, string[]>();
  for (let i = 0; i < deliveryIds.length; i += 50) {
    const chunk = deliveryIds.slice(i, i + 50);
    const { results } = await env.DB.prepare(`SELECT id, owner FROM deliveries WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .bind(...chunk)
      .all<{ id: string; owner: string }>();
    for (const row of results) byOwner.set(row.owner, [...(byOwner.get(row.owner) ?? []), row.id]);
  }
  let count = 0;
  for (const [owner, ids] of byOwner) count += await ledgerStub(env, owner).requeue(ids);
  return count;
}
