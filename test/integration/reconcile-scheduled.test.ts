import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import {
  installPullFakes,
  LISTING,
  makeDue,
  manualRun,
  type PullProvider,
  type Setup,
  STATUS,
  secondsAgo,
  settledRuns,
  setupAccount,
  storedCursor,
  transfer,
  webhook,
} from '../fixtures/pull-fakes';

/*
 * The Cron Trigger, called as the runtime calls it (createScheduledController): every provider's pull
 * API is faked behind fetch, and every report goes through the real ledgers (D1 and Durable Objects).
 */

afterEach(() => vi.restoreAllMocks());

async function cron(cronExpression = '*/5 * * * *') {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: cronExpression }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** The latest schedule run of the account, once it has finished. */
async function lastScheduledRun(accountId: string) {
  const runs = await settledRuns(accountId);
  return runs.find((run) => run.trigger === 'schedule');
}

async function orderOf(s: Setup, id: string) {
  return (await s.merchant.api('GET', `/v1/orders/${id}`)).body;
}

async function paymentsOf(s: Setup, orderId: string) {
  return (await s.merchant.api('GET', `/v1/orders/${orderId}/payments`)).body.data as any[];
}

async function eventsOf(s: Setup, orderId: string) {
  const events = (await s.merchant.api('GET', '/v1/events?limit=100')).body.data as any[];
  return events.filter((event) => event.data.order?.id === orderId);
}

const ALL: PullProvider[] = [...LISTING, ...STATUS];

describe.each(ALL)('%s: one scheduled run', (provider) => {
  it('settles a transfer whose webhook never came, and running it again settles nothing more', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount(provider);
    const order = await s.order(50_000);
    const tx = transfer(fakes, s, order, { at: secondsAgo(60_000) });

    await cron();
    const run = await lastScheduledRun(s.account.id);
    expect(run).toMatchObject({ status: 'succeeded', settled: 1, known: 0, error: null });
    expect(run!.fetched).toBeGreaterThanOrEqual(1);
    expect(await orderOf(s, order.id)).toMatchObject({ status: 'paid', amountPaid: 50_000 });
    const [payment, ...others] = await paymentsOf(s, order.id);
    expect(others).toEqual([]);
    expect(payment).toMatchObject({ amount: 50_000, content: tx.content, accountNumber: tx.accountNumber, bankReference: tx.reference });
    // A pulled transfer happened when the bank booked it (Casso's listing gives its time too).
    expect(Date.parse(payment.occurredAt)).toBe(tx.at.getTime());
    const events = await eventsOf(s, order.id);
    expect(events.map((e) => e.type).sort()).toEqual(['order.paid', 'payment.received']);
    expect(events.find((e) => e.type === 'payment.received').data.payment.reports.map((r: any) => r.via)).toEqual(['reconciliation']);

    await makeDue(s.account.id);
    await cron();
    const runs = (await settledRuns(s.account.id)).filter((r) => r.trigger === 'schedule');
    if ((LISTING as readonly string[]).includes(provider)) {
      expect(runs).toHaveLength(2);
      expect(runs[0]).toMatchObject({ status: 'succeeded', settled: 0 });
    } else {
      // A status provider has no open order left to ask about: the schedule leaves it alone; asked anyway, it settles nothing.
      expect(runs).toHaveLength(1);
      expect(await manualRun(s)).toMatchObject({ status: 'succeeded', settled: 0 });
    }
    expect(await paymentsOf(s, order.id)).toHaveLength(1);
    expect((await eventsOf(s, order.id)).map((e) => e.type).sort()).toEqual(['order.paid', 'payment.received']);
    const unmatched = (await s.merchant.api('GET', '/v1/payments?unmatched=true')).body.data;
    expect(unmatched).toEqual([]);
  });
});

// Where the pull reports the transfer under its webhook's own id (Casso `id`, Tingee transactionCode as the
// listing's `code`, payOS `reference`); the others are one transfer by bank reference (reconcile-identity.test.ts).
describe.each(['casso', 'tingee', 'payos'] as const)('%s: webhook and pull of one transfer', (provider) => {
  it('a webhook after the pull and a pull after the webhook are one payment, one order.paid', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount(provider);

    const first = await s.order(40_000);
    const pulledFirst = transfer(fakes, s, first);
    await cron();
    expect(await lastScheduledRun(s.account.id)).toMatchObject({ status: 'succeeded', settled: 1 });
    const late = await webhook(fakes, s, first, pulledFirst);
    expect(late.status).toBe(200);

    // A status provider is only asked about open orders: its webhook pays part, and the manual run asks.
    const statusProvider = provider === 'payos';
    const second = await s.order(60_000);
    const hookedFirst = transfer(fakes, s, second, { amount: statusProvider ? 20_000 : 60_000 });
    expect((await webhook(fakes, s, second, hookedFirst)).status).toBe(200);
    let run: Record<string, any> | undefined;
    if (statusProvider) run = await manualRun(s);
    else {
      await makeDue(s.account.id);
      await cron();
      run = await lastScheduledRun(s.account.id);
    }
    expect(run).toMatchObject({ status: 'succeeded', settled: 0 });
    expect(run!.known).toBeGreaterThanOrEqual(1);

    expect(await paymentsOf(s, first.id)).toHaveLength(1);
    expect(await orderOf(s, first.id)).toMatchObject({ status: 'paid', amountPaid: 40_000 });
    expect((await eventsOf(s, first.id)).filter((e) => e.type === 'order.paid')).toHaveLength(1);
    expect(await paymentsOf(s, second.id)).toHaveLength(1);
    expect(await orderOf(s, second.id)).toMatchObject({ amountPaid: hookedFirst.amount });
    expect((await eventsOf(s, second.id)).filter((e) => e.type === 'payment.received')).toHaveLength(1);
  });
});

describe('the schedule', () => {
  it('keeps each cursor across runs: the next run asks from where the last committed one stopped', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('sepay');
    const order1 = await s.order(10_000);
    const tx1 = transfer(fakes, s, order1);
    await cron();
    expect(await lastScheduledRun(s.account.id)).toMatchObject({ settled: 1 });
    expect((await storedCursor(s.account.id)).cursor).toEqual({ sinceId: tx1.id });

    const order2 = await s.order(20_000);
    const tx2 = transfer(fakes, s, order2);
    await makeDue(s.account.id);
    await cron();
    expect(await lastScheduledRun(s.account.id)).toMatchObject({ status: 'succeeded', fetched: 1, settled: 1, known: 0 });
    const second = fakes.pulls('sepay').at(-1)!;
    expect(second.url.searchParams.get('since_id')).toBe(tx1.id);
    expect(second.url.searchParams.get('transfer_type')).toBe('in');
    expect((await storedCursor(s.account.id)).cursor).toEqual({ sinceId: tx2.id });
    expect(await orderOf(s, order2.id)).toMatchObject({ status: 'paid' });
  });

  it('a provider failing does not stop the others: each account has its own run', async () => {
    const fakes = installPullFakes();
    const casso = await setupAccount('casso');
    const tingee = await setupAccount('tingee');
    const cassoOrder = await casso.order();
    const tingeeOrder = await tingee.order();
    transfer(fakes, casso, cassoOrder);
    transfer(fakes, tingee, tingeeOrder);
    fakes.fail('casso', 503);

    await cron();
    expect(await lastScheduledRun(casso.account.id)).toMatchObject({
      status: 'failed',
      settled: 0,
      error: expect.stringContaining('casso'),
    });
    expect(await lastScheduledRun(tingee.account.id)).toMatchObject({ status: 'succeeded', settled: 1 });
    expect(await orderOf(casso, cassoOrder.id)).toMatchObject({ status: 'pending' });
    expect(await orderOf(tingee, tingeeOrder.id)).toMatchObject({ status: 'paid' });

    // Retried on its next run, which finds the transfer.
    fakes.fail('casso', null);
    await makeDue(casso.account.id);
    await cron();
    expect(await lastScheduledRun(casso.account.id)).toMatchObject({ status: 'succeeded', settled: 1 });
  });

  it('bounded work: a run reads at most 500 transactions, the next one goes on from there', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('casso');
    // 520 transfers out of the account (never reports), then one in that pays the order.
    for (let i = 0; i < 520; i++)
      fakes.add('casso', { accountNumber: s.receiving, amount: 1_000 + i, out: true, at: secondsAgo(3_600_000 - i * 1000) });
    const order = await s.order(30_000);
    transfer(fakes, s, order);

    await cron();
    const first = await lastScheduledRun(s.account.id);
    expect(first).toMatchObject({ status: 'succeeded', settled: 0 });
    expect(fakes.pulls('casso')).toHaveLength(5);
    expect(await orderOf(s, order.id)).toMatchObject({ status: 'pending' });
    // Work was left over: the account is due again at once.
    expect(Date.parse((await storedCursor(s.account.id)).nextDueAt)).toBeLessThanOrEqual(Date.now());
    expect((await storedCursor(s.account.id)).cursor).toMatchObject({ page: 6 });

    await cron();
    expect((await settledRuns(s.account.id))[0]).toMatchObject({ trigger: 'schedule', status: 'succeeded', settled: 1 });
    expect(fakes.pulls('casso').at(-1)!.url.searchParams.get('page')).toBe('6');
    expect(await orderOf(s, order.id)).toMatchObject({ status: 'paid' });
  });

  it('never reconciles deleted accounts, nor accounts without the credential their pull needs', async () => {
    installPullFakes();
    const deleted = await setupAccount('bankhub');
    const noKey = await setupAccount('casso', { apiKey: undefined });
    expect((await deleted.merchant.api('DELETE', `/v1/provider-accounts/${deleted.account.id}`)).status).toBe(204);
    await cron();
    const db = env.DB;
    for (const id of [deleted.account.id, noKey.account.id]) {
      const { results } = await db.prepare('SELECT id FROM reconciliation_runs WHERE provider_account_id = ?').bind(id).all();
      expect(results).toEqual([]);
    }
    // The account without a key is looked at again later, not every 5 minutes.
    expect(Date.parse((await storedCursor(noKey.account.id)).nextDueAt)).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  it('a status provider is only asked about orders at their check points, and not at all without open orders', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('payos');
    await cron();
    expect(await storedCursor(s.account.id)).toBeNull(); // no open order: not due, no run
    const order = await s.order();
    await cron();
    expect(await lastScheduledRun(s.account.id)).toMatchObject({ status: 'succeeded', fetched: 0 });
    expect(fakes.pulls('payos')).toHaveLength(1); // the first run asks about every open order
    transfer(fakes, s, order);
    await makeDue(s.account.id);
    await cron();
    // Seconds after the last run, no check point of a minutes-old order has passed: nothing is asked.
    expect(fakes.pulls('payos')).toHaveLength(1);
    expect(await orderOf(s, order.id)).toMatchObject({ status: 'pending' });
  });

  it('VietQR.vn: orders older than its 15-day window are never asked about', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('vietqr');
    const old = await s.order();
    const recent = await s.order();
    const db = env.DB;
    // What the passing of 15 days does to an order still open (a 7-day order, expired a week ago would be gone anyway).
    await db
      .prepare('UPDATE orders SET created_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 15 * 86_400_000).toISOString(), old.id)
      .run();
    expect(await manualRun(s)).toMatchObject({ status: 'succeeded' });
    expect(fakes.pulls('vietqr').map((r) => r.json.value)).toEqual([fakes.vietqrOrder(recent.paymentCode)!.orderId]);
  });

  it('RECONCILE_CRON: only the events of that expression reconcile', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('tingee');
    const order = await s.order();
    transfer(fakes, s, order);
    const scoped = { ...env, RECONCILE_CRON: '*/5 * * * *' };
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '0 3 * * *' }), scoped, ctx);
    await waitOnExecutionContext(ctx);
    expect(await storedCursor(s.account.id)).toBeNull();
    expect(fakes.pulls('tingee')).toEqual([]);
  });
});
