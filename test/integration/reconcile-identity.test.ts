import { afterEach, describe, expect, it, vi } from 'vitest';
import { installPullFakes, manualRun, type PullProvider, setupAccount, transfer, webhook } from '../fixtures/pull-fakes';

/*
 * CONTRACT §4a across feeds: a pulled transfer whose provider id is not its webhook's (SePay v2 UUIDs
 * against the webhook's number, BankHub's listing against its webhook's `id`, VietQR check-order's bank
 * reference against transaction-sync's `transactionid`) is the same transfer by its bank reference,
 * receiving account and amount: one payment with two reports, first one first.
 * The bank-account ledger (src/ledger) knows them again; no provider id ties them together.
 */

afterEach(() => vi.restoreAllMocks());

const CROSS_ID: PullProvider[] = ['sepay', 'bankhub', 'vietqr'];

describe.each(CROSS_ID)('%s: webhook and pull under different provider ids', (provider) => {
  it('a webhook, then the pull of the same transfer: one payment with reports [callback, reconciliation]', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount(provider);
    // VietQR is asked per open order: its webhook pays part, so the order is still asked about.
    const order = await s.order(60_000);
    const tx = transfer(fakes, s, order, { amount: provider === 'vietqr' ? 20_000 : 60_000 });
    expect((await webhook(fakes, s, order, tx)).status).toBe(200);

    const run = await manualRun(s);
    expect(run).toMatchObject({ status: 'succeeded', settled: 0, known: 1 });
    const payments = (await s.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments).toHaveLength(1);
    expect(payments[0].reports.map((r: any) => r.via)).toEqual(['callback', 'reconciliation']);
    expect(payments[0].bankReference).toBe(tx.reference);
    const events = (await s.merchant.api('GET', '/v1/events?limit=100')).body.data.filter((e: any) => e.data.order?.id === order.id);
    expect(events.filter((e: any) => e.type === 'payment.received')).toHaveLength(1);
  });

  it('the pull, then a late webhook of the same transfer: still one payment', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount(provider);
    const order = await s.order(50_000);
    const tx = transfer(fakes, s, order);
    expect(await manualRun(s)).toMatchObject({ status: 'succeeded', settled: 1 });
    expect((await webhook(fakes, s, order, tx)).status).toBe(200);
    const payments = (await s.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments).toHaveLength(1);
    expect(payments[0].reports.map((r: any) => r.via)).toEqual(['reconciliation', 'callback']);
    const order2 = (await s.merchant.api('GET', `/v1/orders/${order.id}`)).body;
    expect(order2).toMatchObject({ status: 'paid', amountPaid: 50_000 });
  });
});
