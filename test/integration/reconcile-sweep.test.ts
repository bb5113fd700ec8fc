import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { overdueOrders } from '../../src/db/reconciliation';
import { sweepOverdueOrders } from '../../src/reconcile/expiry-sweep';
import { merchantWithAccount } from '../fixtures/merchant';

/*
 * The cron's expiry sweep, query part: open orders past expiresAt + grace whose ledger never announced
 * the expiry. (Handing them to the ledger's sweepExpired waits for src/ledger/sweep.ts.)
 */

const db = () => env.DB;
/** What the passing of time does to an order: its expiry moves into the past. */
const expiredAgo = (id: string, ms: number) =>
  db()
    .prepare('UPDATE orders SET expires_at = ? WHERE id = ?')
    .bind(new Date(Date.now() - ms).toISOString(), id)
    .run();

describe('expiry sweep', () => {
  it('finds open orders past expiry and grace, soonest expired first, and no other', async () => {
    const merchant = await merchantWithAccount();
    const [old, older, inGrace, open, paid, canceled] = await Promise.all(Array.from({ length: 6 }, () => merchant.order()));
    await expiredAgo(old!.id, 10 * 60_000);
    await expiredAgo(older!.id, 60 * 60_000);
    await expiredAgo(inGrace!.id, 60_000); // still inside the default 120 s grace
    await expiredAgo(paid!.id, 60 * 60_000);
    await db().prepare("UPDATE orders SET status = 'paid' WHERE id = ?").bind(paid!.id).run();
    expect((await merchant.api('POST', `/v1/orders/${canceled!.id}/cancel`, {})).status).toBe(200);
    await expiredAgo(canceled!.id, 60 * 60_000);

    const before = new Date(Date.now() - 120_000).toISOString();
    const ids = (await overdueOrders(env, before, 100)).map((row) => row.id);
    const mine = ids.filter((id) => [old, older, inGrace, open, paid, canceled].some((o) => o!.id === id));
    expect(mine).toEqual([older!.id, old!.id]);
    expect((await overdueOrders(env, before, 1)).length).toBe(1);
    expect(await sweepOverdueOrders(env, new Date())).toBeGreaterThanOrEqual(2);
  });

  it("uses the ledger migration's orders_open_expiry index, not a scan of every order", async () => {
    const plan = await db()
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM orders WHERE status IN ('pending', 'partially_paid') AND expires_at < ? ORDER BY expires_at LIMIT ?",
      )
      .bind(new Date().toISOString(), 100)
      .all<{ detail: string }>();
    expect(plan.results.map((row) => row.detail).join(' | ')).toContain('orders_open_expiry');
  });
});
