import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type Failure,
  installPullFakes,
  manualRun,
  type PullProvider,
  type Setup,
  secondsAgo,
  setupAccount,
  storedCursor,
  transfer,
} from '../fixtures/pull-fakes';

/*
 * A provider that answers garbage, a wrong signature, 401, 429, 5xx, a timeout or a repeating page:
 * the run is failed with the error recorded, nothing settles from what could not be trusted, the cursor
 * does not move past what was not committed, and the next good run still finds the transfer.
 */

afterEach(() => vi.restoreAllMocks());

const HOUR_MS = 3_600_000;

async function orderState(s: Setup, id: string) {
  const order = (await s.merchant.api('GET', `/v1/orders/${id}`)).body;
  const payments = (await s.merchant.api('GET', `/v1/orders/${id}/payments`)).body.data;
  const unmatched = (await s.merchant.api('GET', '/v1/payments?unmatched=true')).body.data;
  return { status: order.status, amountPaid: order.amountPaid, payments: payments.length, unmatched: unmatched.length };
}

const cases: [PullProvider, Failure, string, RegExp][] = [
  ['bankhub', 'garbage', 'an answer that is not JSON', /bankhub error BAD_RESPONSE/],
  ['payos', 'bad-signature', 'a status whose signature does not verify with the checksumKey', /payos error BAD_SIGNATURE/],
  ['casso', 401, 'a 401', /casso error 401/],
  ['tingee', 502, 'a 5xx', /tingee error 502/],
  ['vietqr', 'timeout', 'a timeout', /vietqr error TIMEOUT/],
  ['sepay', { status: 429, retryAfter: 120 }, 'a 429 asking for longer than a run waits', /rate limited; the next run waits 120 s/],
  ['tingee', 'too-fast', "Tingee's code 1001 (too fast)", /tingee error 1001.*rate limited; the next run waits 60 s/],
];

describe.each(cases)('%s: %s (%s)', (provider, failure, _what, error) => {
  it('fails the run with the error and settles nothing; the next good run finds the transfer', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount(provider);
    const order = await s.order(50_000);
    // Three hours old: inside a first run's 24 h, before the overlap of any moved cursor.
    transfer(fakes, s, order, { at: secondsAgo(3 * HOUR_MS) });
    fakes.fail(provider, failure);

    const failed = await manualRun(s);
    expect(failed).toMatchObject({ status: 'failed', settled: 0, error: expect.stringMatching(error) });
    expect(failed.finishedAt).not.toBeNull();
    expect(fakes.pulls(provider).some((r) => r.injected)).toBe(true);
    expect(await orderState(s, order.id)).toEqual({ status: 'pending', amountPaid: 0, payments: 0, unmatched: 0 });
    if (provider !== 'payos' && provider !== 'vietqr') expect((await storedCursor(s.account.id))?.cursor ?? null).toBeNull();
    const backOff = /waits (\d+) s/.exec(failed.error)?.[1];
    if (backOff)
      expect(Date.parse((await storedCursor(s.account.id)).nextDueAt)).toBeGreaterThan(Date.now() + (Number(backOff) - 10) * 1000);

    fakes.fail(provider, null);
    const next = await manualRun(s);
    expect(next).toMatchObject({ status: 'succeeded', settled: 1, error: null });
    expect(await orderState(s, order.id)).toEqual({ status: 'paid', amountPaid: 50_000, payments: 1, unmatched: 0 });
  });
});

describe('faults mid-run', () => {
  it('a page failing after committed ones: those stay settled, the cursor stays after them, the next run goes on', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('sepay');
    // 100 transfers that name no order (parked unmatched), then one that pays the order.
    const order = await s.order(77_000);
    const txs = Array.from({ length: 100 }, (_, i) =>
      fakes.add('sepay', {
        accountNumber: s.receiving,
        amount: 10_000 + i,
        content: `chuyen tien ${i}`,
        at: secondsAgo(HOUR_MS - i * 1000),
      }),
    );
    transfer(fakes, s, order);
    fakes.fail('sepay', 500, 1, 1); // the first page (100) is answered, the second fails

    const run = await manualRun(s);
    expect(run).toMatchObject({ status: 'failed', fetched: 100, settled: 100, known: 0, error: expect.stringContaining('sepay error') });
    expect((await storedCursor(s.account.id)).cursor).toEqual({ sinceId: txs[99]!.id });
    expect((await orderState(s, order.id)).status).toBe('pending');

    const next = await manualRun(s);
    expect(next).toMatchObject({ status: 'succeeded', fetched: 1, settled: 1 });
    expect(fakes.pulls('sepay').at(-1)!.url.searchParams.get('since_id')).toBe(txs[99]!.id);
    expect((await orderState(s, order.id)).status).toBe('paid');
  });

  it('a page that repeats fails the run: what came before it stays committed, and the cursor stays before it', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('casso');
    const order = await s.order();
    transfer(fakes, s, order);
    fakes.fail('casso', 'repeat'); // page 1 again and again, each time with nextPage 1

    const run = await manualRun(s);
    expect(run).toMatchObject({ status: 'failed', fetched: 1, settled: 1, error: expect.stringContaining('casso error REPEATED_PAGE') });
    expect(fakes.pulls('casso')).toHaveLength(2);
    expect((await storedCursor(s.account.id)).cursor).toMatchObject({ page: 1 });

    fakes.fail('casso', null);
    expect(await manualRun(s)).toMatchObject({ status: 'succeeded', settled: 0, known: 1 });
    expect(await orderState(s, order.id)).toEqual({ status: 'paid', amountPaid: order.amount, payments: 1, unmatched: 0 });
  });

  it('a 429 with a short Retry-After is waited out inside the run, with no request before it has passed', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('sepay');
    const order = await s.order();
    transfer(fakes, s, order);
    fakes.fail('sepay', { status: 429, retryAfter: 2 }, 1);

    const run = await manualRun(s);
    expect(run).toMatchObject({ status: 'succeeded', settled: 1 });
    const [limited, retried] = fakes.pulls('sepay');
    expect(limited!.status).toBe(429);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(2_000);
  });

  it('SePay: no more than 3 requests a second, whatever the number of pages', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('sepay');
    const order = await s.order();
    // Six pages of one transfer each would be six requests; the pull asks for 100 per page, so make the pages small
    // by listing 350 transfers into other accounts of the company (not this account's reports).
    for (let i = 0; i < 350; i++) fakes.add('sepay', { accountNumber: '999000111', amount: 5_000, at: secondsAgo(HOUR_MS - i * 1000) });
    transfer(fakes, s, order);
    await manualRun(s);
    const times = fakes.pulls('sepay').map((r) => r.at);
    expect(times).toHaveLength(4);
    for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 3]!).toBeGreaterThanOrEqual(1_000);
    expect((await orderState(s, order.id)).status).toBe('paid');
  });

  it('a status run: an order the provider cannot answer about is recorded, the others are still asked about', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('payos');
    const first = await s.order(10_000);
    const second = await s.order(20_000);
    transfer(fakes, s, second);
    fakes.fail('payos', 'bad-signature', 1); // the first order's answer only

    const run = await manualRun(s);
    expect(run).toMatchObject({ status: 'failed', settled: 1, error: expect.stringContaining('BAD_SIGNATURE') });
    expect((await orderState(s, first.id)).status).toBe('pending');
    expect((await orderState(s, second.id)).status).toBe('paid');
  });

  it('an outage stops a status run at once: one request, not one per order', async () => {
    const fakes = installPullFakes();
    const s = await setupAccount('vietqr');
    for (let i = 0; i < 3; i++) await s.order(10_000 + i);
    fakes.fail('vietqr', 503);
    const run = await manualRun(s);
    expect(run).toMatchObject({ status: 'failed', settled: 0, error: expect.stringContaining('vietqr error') });
    expect(fakes.pulls('vietqr')).toHaveLength(1);
  });
});
