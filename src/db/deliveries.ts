import type { Env } from '../env';

/** Which Durable Object holds each delivery's outbox row (`owner`), for the named deliveries. */
export async function deliveryOwners(env: Env, ids: string[]): Promise<{ id: string; owner: string }[]> {
  const owners: { id: string; owner: string }[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50);
    const { results } = await env.DB.prepare(`SELECT id, owner FROM deliveries WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .bind(...chunk)
      .all<{ id: string; owner: string }>();
    owners.push(...results);
  }
  return owners;
}
