import type { OrderRow } from './orders';
import { type Cursor, equals, newestFirst } from './pagination';
import type { ProviderAccountRow } from './provider-accounts';

// Reconciliation's tables (migrations/0006): runs, and where each account's pulls resume.

export type RunTrigger = 'schedule' | 'manual';
export type RunStatus = 'running' | 'succeeded' | 'failed';

export interface RunRow {
  id: string;
  merchant_id: string;
  provider_account_id: string;
  trigger: RunTrigger;
  since: string | null;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  fetched: number;
  settled: number;
  known: number;
  error: string | null;
}

export async function insertRun(env: Env, run: RunRow): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO reconciliation_runs (id, merchant_id, provider_account_id, trigger, since, started_at, finished_at, status, fetched, settled, known, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      run.id,
      run.merchant_id,
      run.provider_account_id,
      run.trigger,
      run.since,
      run.started_at,
      run.finished_at,
      run.status,
      run.fetched,
      run.settled,
      run.known,
      run.error,
    )
    .run();
}

export interface RunOutcome {
  status: Exclude<RunStatus, 'running'>;
  fetched: number;
  settled: number;
  known: number;
  error: string | null;
  finishedAt: string;
}

/** Finishes a running run (a run already finished keeps its outcome). */
export async function finishRun(env: Env, id: string, outcome: RunOutcome): Promise<void> {
  await env.DB.prepare(
    `UPDATE reconciliation_runs SET status = ?, fetched = ?, settled = ?, known = ?, error = ?, finished_at = ?
      WHERE id = ? AND status = 'running'`,
  )
    .bind(outcome.status, outcome.fetched, outcome.settled, outcome.known, outcome.error, outcome.finishedAt, id)
    .run();
}

export interface RunFilter {
  providerAccountId?: string;
}

/** One page of the merchant's runs, newest first (`limit + 1` rows: see db/pagination). */
export function listRuns(env: Env, merchantId: string, filter: RunFilter, cursor: Cursor | null, limit: number) {
  const conditions = [equals('merchant_id', merchantId), equals('provider_account_id', filter.providerAccountId)];
  return newestFirst<RunRow>(env, 'reconciliation_runs', conditions, 'started_at', cursor, limit);
}

/** Runs of the account still marked running: after a crash, those no queue holds any more. */
export async function runningRunIds(env: Env, accountId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT id FROM reconciliation_runs WHERE provider_account_id = ? AND status = 'running'")
    .bind(accountId)
    .all<{ id: string }>();
  return results.map((row) => row.id);
}

/** Drops finished runs started before `before`, a bounded number per call (the cron calls it every run). */
export async function pruneRuns(env: Env, before: string, limit = 500): Promise<number> {
  const result = await env.DB.prepare(
    `DELETE FROM reconciliation_runs WHERE id IN
       (SELECT id FROM reconciliation_runs WHERE started_at < ? AND status != 'running' ORDER BY started_at LIMIT ?)`,
  )
    .bind(before, limit)
    .run();
  return result.meta.changes;
}

// ---- cursors and the schedule

export interface CursorRow {
  provider_account_id: string;
  cursor: string | null;
  next_due_at: string;
  updated_at: string;
}

export function getCursor(env: Env, accountId: string): Promise<CursorRow | null> {
  return env.DB.prepare('SELECT * FROM reconciliation_cursors WHERE provider_account_id = ?').bind(accountId).first<CursorRow>();
}

/** Stores where the account's pulls resume; called only once the reports before it are committed. */
export async function saveCursor(env: Env, accountId: string, cursor: string, now: string): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO reconciliation_cursors (provider_account_id, cursor, next_due_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (provider_account_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  )
    .bind(accountId, cursor, now, now)
    .run();
}

const dueUpsert = (env: Env, accountId: string, nextDueAt: string, now: string) =>
  env.DB.prepare(
    `INSERT INTO reconciliation_cursors (provider_account_id, cursor, next_due_at, updated_at) VALUES (?, NULL, ?, ?)
     ON CONFLICT (provider_account_id) DO UPDATE SET next_due_at = excluded.next_due_at, updated_at = excluded.updated_at`,
  ).bind(accountId, nextDueAt, now);

/** When the schedule pulls the account next (a run moves it: sooner when bounded, later when rate-limited). */
export async function setNextDue(env: Env, accountId: string, nextDueAt: string, now: string): Promise<void> {
  await dueUpsert(env, accountId, nextDueAt, now).run();
}

/** Claims due accounts for one cron run in one batch, before any of their runs starts. */
export async function claimDue(env: Env, claims: { accountId: string; nextDueAt: string }[], now: string): Promise<void> {
  if (claims.length === 0) return;
  await env.DB.batch(claims.map((claim) => dueUpsert(env, claim.accountId, claim.nextDueAt, now)));
}

export type DueAccountRow = ProviderAccountRow & { next_due_at: string | null };

export interface DueQuery {
  now: string;
  /** Providers that list transactions: due on their schedule alone. */
  listing: string[];
  /** Providers asked per order: due only with an open order, or one that expired after `expiredAfter`. */
  status: string[];
  expiredAfter: string;
  limit: number;
}

const marks = (values: unknown[]) => values.map(() => '?').join(', ') || 'NULL';

/**
 * Live accounts of pulling providers whose next pull is due (or that were never pulled), longest
 * overdue first: one statement per cron run, whatever the number of accounts.
 */
export async function dueAccounts(env: Env, query: DueQuery): Promise<DueAccountRow[]> {
  const { results } = await env.DB.prepare(
    `SELECT pa.*, m.mode, c.next_due_at FROM provider_accounts pa
       JOIN merchants m ON m.id = pa.merchant_id
       LEFT JOIN reconciliation_cursors c ON c.provider_account_id = pa.id
      WHERE pa.deleted_at IS NULL
        AND (c.next_due_at IS NULL OR c.next_due_at <= ?)
        AND (pa.provider IN (${marks(query.listing)})
             OR (pa.provider IN (${marks(query.status)}) AND EXISTS (
                   SELECT 1 FROM orders o WHERE o.provider_account_id = pa.id AND o.expires_at >= ?
                      AND o.status IN ('pending', 'partially_paid', 'expired'))))
      ORDER BY c.next_due_at IS NOT NULL, c.next_due_at LIMIT ?`,
  )
    .bind(query.now, ...query.listing, ...query.status, query.expiredAfter, query.limit)
    .all<DueAccountRow>();
  return results;
}

// ---- orders reconciliation looks at

export interface CandidateQuery {
  accountId: string;
  /** Open orders, and expired ones, whose expiry is at or after this. */
  expiresAfter: string;
  /** Orders created before this are never asked about (null: no limit). */
  createdAfter: string | null;
  /** Keyset: orders after this (created_at, id), oldest first. */
  after: { createdAt: string; id: string } | null;
  limit: number;
}

/** The account's open and recently expired orders, oldest first: what a status check may ask about. */
export async function candidateOrders(env: Env, query: CandidateQuery): Promise<OrderRow[]> {
  const after = query.after ? '(created_at, id) > (?, ?)' : '1 = 1';
  const { results } = await env.DB.prepare(
    `SELECT * FROM orders WHERE provider_account_id = ? AND expires_at >= ? AND status IN ('pending', 'partially_paid', 'expired')
        AND created_at >= ? AND ${after} ORDER BY created_at, id LIMIT ?`,
  )
    .bind(
      query.accountId,
      query.expiresAfter,
      query.createdAfter ?? '',
      ...(query.after ? [query.after.createdAt, query.after.id] : []),
      query.limit,
    )
    .all<OrderRow>();
  return results;
}

/**
 * Open orders past `before` (their expiry plus grace) across merchants, soonest expired first: the ones
 * whose ledger never announced the expiry (the D1 projection still shows them open).
 */
export async function overdueOrders(env: Env, before: string, limit: number): Promise<OrderRow[]> {
  const { results } = await env.DB.prepare(
    "SELECT * FROM orders WHERE status IN ('pending', 'partially_paid') AND expires_at < ? ORDER BY expires_at LIMIT ?",
  )
    .bind(before, limit)
    .all<OrderRow>();
  return results;
}
