import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { clearFaults, type FaultPoint, injectFault } from '../../src/lib/faults';
import { call } from '../fixtures/app';
import { cassoCallback } from '../fixtures/casso';
import { ledgerOfOrder } from '../fixtures/ledger';
import { cassoFeed, merchantWithAccount } from '../fixtures/merchant';
import { webhookIdsAt } from '../fixtures/merchant-endpoint';

/*
 * The fault matrix: one scenario (a signed callback → settlement → delivery of every event by the
 * alarm to an intercepted merchant endpoint), run once per fault point. Recovery is only what happens
 * in production: the provider re-sends the same callback when it got no 2xx, and the alarm runs again
 * when its time comes (simulated: pending outbox rows are moved into the past). Every row must end in
 * the same state as the run without a fault.
 */

const HOOK = 'https://merchant.example/fault-matrix';
const AMOUNT = 30_000;
const stubOf = (orderId: string) => ledgerOfOrder(orderId);

type Row = { faults: FaultPoint[]; label: string };
const ROWS: Row[] = [
  { label: 'none (baseline)', faults: [] },
  { label: 'before-commit', faults: ['before-commit'] },
  { label: 'after-commit', faults: ['after-commit'] },
  { label: 'projection', faults: ['projection'] },
  { label: 'fan-out', faults: ['fan-out'] },
  { label: 'before-send', faults: ['before-send'] },
  { label: 'during-send', faults: ['during-send'] },
  { label: 'after-send', faults: ['after-send'] },
  {
    label: 'all of them at once',
    faults: ['before-commit', 'after-commit', 'projection', 'fan-out', 'before-send', 'during-send', 'after-send'],
  },
];

const matrix: string[] = [];
afterEach(() => {
  clearFaults();
  vi.restoreAllMocks();
});
afterAll(() => {
  console.log(['FAULT MATRIX (point → outcome)', ...matrix.map((line) => `  ${line}`)].join('\n'));
});

/** What the ledger still has to do: pending deliveries, unflushed D1 records, events not fanned out. */
async function backlog(orderId: string, moveClock: boolean) {
  return runInDurableObject(await stubOf(orderId), async (_instance, state) => {
    const sql = state.storage.sql;
    const count = (query: string) => sql.exec<{ n: number }>(query).one().n;
    const pending = count("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'");
    const projection = count('SELECT COUNT(*) AS n FROM projection') + count('SELECT COUNT(*) AS n FROM events WHERE fanned = 0');
    // Simulated clock: whatever is scheduled (a retry in 5 s, a projection retry in 2 s) is due now.
    if (moveClock) sql.exec("UPDATE outbox SET next_at = ? WHERE status = 'pending'", Date.now() - 1);
    return { pending, projection, alarm: await state.storage.getAlarm() };
  });
}

/** The ledger's own outbox: attempts per delivery, to compare with what D1 recorded. */
const outbox = async (orderId: string) =>
  runInDurableObject(await stubOf(orderId), (_instance, state) =>
    state.storage.sql.exec<{ id: string; event_id: string; status: string; attempts: number }>('SELECT * FROM outbox').toArray(),
  );

async function runScenario(faults: FaultPoint[]) {
  const received = webhookIdsAt(HOOK);
  const merchant = await merchantWithAccount();
  const { casso, checksumKey } = await cassoFeed(merchant);
  await merchant.api('POST', '/v1/endpoints', { url: HOOK, eventTypes: null });
  const order = await merchant.order({ amount: AMOUNT });
  for (const point of faults) injectFault(point);

  // The provider: sends the callback, and sends the very same one again until it gets a 2xx.
  const hookAnswers: number[] = [];
  for (let sends = 0; sends < 5 && hookAnswers.at(-1) !== 200; sends++) {
    const cb = await cassoCallback(checksumKey, {
      amount: AMOUNT,
      content: `TT ${order.paymentCode}`,
      id: 424242,
      accountNumber: merchant.accountNumber,
    });
    hookAnswers.push((await call('POST', `/hooks/casso/${casso.id}`, { body: cb.body, headers: cb.headers })).status);
  }

  // The platform: runs the alarm whenever work is due, until nothing is left.
  let alarmRuns = 0;
  let stuck = false;
  for (let round = 0; round < 12; round++) {
    const left = await backlog(order.id, true);
    if (left.pending + left.projection === 0) break;
    if (left.alarm === null) {
      stuck = true; // work left with no alarm armed would never be done
      break;
    }
    await runDurableObjectAlarm(await stubOf(order.id));
    alarmRuns++;
  }
  return { merchant, order, received, hookAnswers, alarmRuns, stuck };
}

describe('fault injection matrix: every fault ends in the same state as no fault', () => {
  for (const row of ROWS) {
    it(`${row.label}: one payment, one order.paid, every event delivered, attempts recorded once`, async () => {
      const run = await runScenario(row.faults);
      const { merchant, order, received } = run;
      expect(run.stuck).toBe(false);
      expect(run.hookAnswers.at(-1)).toBe(200);

      const final = (await merchant.api('GET', `/v1/orders/${order.id}`)).body;
      expect(final).toMatchObject({ status: 'paid', amountPaid: AMOUNT });
      const payments = (await merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
      expect(payments).toHaveLength(1);
      const events = ((await merchant.api('GET', '/v1/events?limit=100')).body.data as { id: string; type: string }[]).filter(
        (event) => event.type !== 'endpoint.disabled',
      );
      expect(events.map((event) => event.type).sort()).toEqual(['order.paid', 'payment.received']);

      const attemptsPerEvent: Record<string, number[]> = {};
      for (const event of events) {
        expect(received).toContain(event.id); // delivered at least once
        const attempts = (await merchant.api('GET', `/v1/events/${event.id}/attempts`)).body.data as { attempt: number; status: string }[];
        const numbers = attempts.map((a) => a.attempt).sort((a, b) => a - b);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1)); // 1..n: none recorded twice, none skipped
        expect(attempts.filter((a) => a.status === 'succeeded')).toHaveLength(1);
        attemptsPerEvent[event.type] = numbers;
      }
      // The ledger's outbox and the D1 projection agree on how many attempts each delivery had.
      const rows = await outbox(order.id);
      expect(rows.every((r) => r.status === 'succeeded')).toBe(true);
      for (const event of events) {
        expect(rows.find((r) => r.event_id === event.id)?.attempts).toBe(attemptsPerEvent[event.type]!.length);
      }

      const sends = events.map((event) => `${event.type}×${received.filter((id) => id === event.id).length}`).join(' ');
      const attempts = events.map((event) => `${event.type}:[${attemptsPerEvent[event.type]!.join(',')}]`).join(' ');
      matrix.push(
        `${row.label.padEnd(20)} → hook answers ${run.hookAnswers.join('→')}; alarm runs ${run.alarmRuns}; sends ${sends}; ` +
          `attempts ${attempts}; final: paid, 1 payment, 1 order.paid ✓`,
      );
    });
  }
});
