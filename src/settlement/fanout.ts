import type { Env } from '../env';
import type { FanoutEndpoint } from './ledger';

/** The merchant's endpoints as event fan-out needs them (disabled ones get skipped deliveries). */
export async function fanoutEndpoints(env: Env, merchantId: string): Promise<FanoutEndpoint[]> {
  const { results } = await env.DB.prepare('SELECT id, event_types, enabled FROM endpoints WHERE merchant_id = ? AND deleted_at IS NULL')
    .bind(merchantId)
    .all<{ id: string; event_types: string | null; enabled: number }>();
  return results.map((row) => ({
    id: row.id,
    eventTypes: row.event_types ? (JSON.parse(row.event_types) as string[]) : null,
    enabled: row.enabled === 1,
  }));
}
