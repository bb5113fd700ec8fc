import { Hono } from 'hono';
import { accountToJson } from '../../accounts/serialize';
import { listEndpoints } from '../../db/endpoints';
import { listOrders, orderCounts } from '../../db/orders';
import { countUnmatched, receivedByDay } from '../../db/payments';
import { listAccounts } from '../../db/provider-accounts';
import { orderClock } from '../../ledger/clock';
import { publicOrigin } from '../../lib/public-origin';
import { toAccount } from '../../providers/stored-account';
import { listReconciliationRuns } from '../../reconcile/runs';
import { accountName } from '../account-name';
import type { DashContext, DashEnv } from '../context';
import { lastDays, vietnamDayStart } from '../format';
import { type OverviewData, OverviewPage } from '../pages/overview';
import { sendPage } from '../render';

const app = new Hono<DashEnv>();

/** The accounts whose latest reconciliation run failed; null when the runs cannot be read. */
async function failedReconciliations(c: DashContext, accountIds: Set<string>): Promise<Map<string, string | null> | null> {
  try {
    const runs = await listReconciliationRuns(c.env, c.get('merchant').id, {}, null, 100);
    const latest = new Map<string, string | null>();
    const seen = new Set<string>();
    for (const run of runs.data) {
      if (seen.has(run.providerAccountId)) continue;
      seen.add(run.providerAccountId);
      if (run.status === 'failed' && accountIds.has(run.providerAccountId)) latest.set(run.providerAccountId, run.error);
    }
    return latest;
  } catch (error) {
    c.get('log').warn('dashboard: reconciliation runs unavailable', { error: String(error) });
    return null;
  }
}

export async function loadOverview(c: DashContext): Promise<OverviewData> {
  const merchant = c.get('merchant');
  const clock = orderClock(c.env);
  const days = lastDays(clock.nowMs, 7);
  const since = vietnamDayStart(days[0]!);
  const todayStart = vietnamDayStart(days.at(-1)!);
  const [totals, counts, unmatched, endpoints, accountRows, recent] = await Promise.all([
    receivedByDay(c.env, merchant.id, since),
    orderCounts(c.env, merchant.id, { countingSince: clock.countingSince, paidSince: since, todayStart }),
    countUnmatched(c.env, merchant.id),
    listEndpoints(c.env, merchant.id, null, 100),
    listAccounts(c.env, merchant.id, null, 100),
    listOrders(c.env, merchant.id, {}, null, 5, clock.countingSince),
  ]);
  const byDay = new Map(totals.map((row) => [row.day, row]));
  const accounts = await Promise.all(accountRows.map((row) => toAccount(c.env, row)));
  const failed = await failedReconciliations(c, new Set(accounts.map((a) => a.id)));
  const origin = publicOrigin(c.env, c.req.url);
  return {
    days: days.map((day) => ({ day, amount: byDay.get(day)?.amount ?? 0, count: byDay.get(day)?.count ?? 0 })),
    counts,
    unmatched,
    endpoints: endpoints
      .filter((row) => row.enabled !== 1 || row.failing_since !== null)
      .map((row) => ({ id: row.id, url: row.url, disabled: row.enabled !== 1, failingSince: row.failing_since })),
    reconciliation:
      failed === null
        ? null
        : accounts
            .filter((account) => failed.has(account.id))
            .map((account) => ({
              id: account.id,
              name: accountName(account, accountToJson(account, origin).bank),
              error: failed.get(account.id) ?? null,
            })),
    recent: recent
      .slice(0, 5)
      .map((row) => ({ id: row.id, reference: row.reference, amount: row.amount, status: clock.status(row), createdAt: row.created_at })),
    hasQrAccount: accounts.some((account) => account.createsQr),
  };
}

app.get('/dashboard', async (c) => sendPage(c, OverviewPage(c, await loadOverview(c))));

export default app;
