import { z } from '@hono/zod-openapi';
import { type Cursor, toPage } from '../db/pagination';
import { listRuns, type RunFilter, type RunRow } from '../db/reconciliation';

/** A reconciliation run as the API and the dashboard show it (CONTRACT §9). */
export const runSchema = z
  .object({
    id: z.string().openapi({ example: 'rec_…' }),
    object: z.literal('reconciliation_run'),
    providerAccountId: z.string(),
    trigger: z.enum(['schedule', 'manual']),
    since: z.string().nullable().openapi({ description: 'The time a manual run was asked to pull from' }),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    status: z.enum(['running', 'succeeded', 'failed']),
    fetched: z.number().int().openapi({ description: 'Incoming transactions the provider reported' }),
    settled: z.number().int().openapi({ description: 'Of those, transfers recorded by this run' }),
    known: z.number().int().openapi({ description: 'Of those, transfers that were already recorded' }),
    error: z.string().nullable().openapi({ description: "What went wrong: the provider's own code and message" }),
  })
  .openapi('ReconciliationRun');

export type RunJson = z.infer<typeof runSchema>;

export const runToJson = (row: RunRow): RunJson => ({
  id: row.id,
  object: 'reconciliation_run',
  providerAccountId: row.provider_account_id,
  trigger: row.trigger,
  since: row.since,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  status: row.status,
  fetched: row.fetched,
  settled: row.settled,
  known: row.known,
  error: row.error,
});

/** One page of the merchant's runs, newest first; another merchant's account lists nothing. */
export async function listReconciliationRuns(env: Env, merchantId: string, filter: RunFilter, cursor: Cursor | null, limit: number) {
  const rows = await listRuns(env, merchantId, filter, cursor, limit);
  return toPage(rows, limit, (row) => ({ time: row.started_at, id: row.id }), runToJson);
}
