import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expiryGraceMs, statusAt } from '../../../src/ledger/clock';
import { applyTransfer, cancelAt, expireIfDue, type OrderState } from '../../../src/ledger/state';

const EXPIRES = '2030-01-01T00:00:00.000Z';
const EXPIRES_MS = Date.parse(EXPIRES);
const GRACE = 120_000;
const BEFORE = EXPIRES_MS - 60_000;

const open = (amount: number): OrderState => ({ status: 'pending', amount, amountPaid: 0, paidAt: null, expiresAt: EXPIRES });

describe('order state machine', () => {
  it('any sequence of transfers in time: order.paid exactly once, when the sum first reaches the amount, and no money is lost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 30 }),
        (amount, transfers) => {
          let state = open(amount);
          let paidEvents = 0;
          let sum = 0;
          for (const paid of transfers) {
            const before = sum;
            sum += paid;
            const next = applyTransfer(state, paid, BEFORE, GRACE);
            expect(next.events[0]).toBe('payment.received');
            if (next.events.includes('order.paid')) {
              paidEvents++;
              expect(before < amount && sum >= amount).toBe(true);
            }
            state = next.state;
          }
          expect(paidEvents).toBe(sum >= amount ? 1 : 0);
          expect(state.amountPaid).toBe(sum);
          expect(state.status).toBe(sum >= amount ? 'paid' : sum > 0 ? 'partially_paid' : 'pending');
        },
      ),
    );
  });

  it('a transfer up to the grace after expiresAt still counts; one millisecond later it is late', () => {
    const inGrace = applyTransfer(open(100), 100, EXPIRES_MS + GRACE, GRACE);
    expect(inGrace.state.status).toBe('paid');
    expect(inGrace.events).toEqual(['payment.received', 'order.paid']);
    const late = applyTransfer(open(100), 100, EXPIRES_MS + GRACE + 1, GRACE);
    expect(late.state).toMatchObject({ status: 'expired', amountPaid: 100, paidAt: null });
    expect(late.events).toEqual(['order.expired', 'payment.received']);
  });

  it('late transfers after cancel or expiry are counted and change no status, whatever their amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 ** 9 }), { minLength: 1, maxLength: 10 }), fc.boolean(), (transfers, canceled) => {
        let state = canceled
          ? cancelAt(open(50_000), BEFORE, GRACE)!.state
          : expireIfDue(open(50_000), EXPIRES_MS + GRACE + 1, GRACE)!.state;
        const status = state.status;
        for (const amount of transfers) {
          const next = applyTransfer(state, amount, EXPIRES_MS + 10 * GRACE, GRACE);
          expect(next.events).toEqual(['payment.received']);
          state = next.state;
        }
        expect(state.status).toBe(status);
        expect(state.amountPaid).toBe(transfers.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('cannot cancel or expire a paid order; expires only once the clock passed expiresAt and the grace', () => {
    const paid = applyTransfer(open(10), 10, BEFORE, GRACE).state;
    expect(cancelAt(paid, BEFORE, GRACE)).toBeNull();
    expect(expireIfDue(paid, EXPIRES_MS + 10 * GRACE, GRACE)).toBeNull();
    expect(expireIfDue(open(10), EXPIRES_MS + GRACE, GRACE)).toBeNull();
    expect(expireIfDue(open(10), EXPIRES_MS + GRACE + 1, GRACE)?.events).toEqual(['order.expired']);
  });

  it('a cancel after the grace is the expiry the clock already decided, not a cancel', () => {
    expect(cancelAt(open(10), EXPIRES_MS + GRACE + 1, GRACE)).toMatchObject({ state: { status: 'expired' }, events: ['order.expired'] });
    expect(cancelAt(open(10), EXPIRES_MS + GRACE, GRACE)).toMatchObject({ state: { status: 'canceled' }, events: ['order.canceled'] });
  });
});

describe('the clock every read shows', () => {
  it('an open order reads expired past expiresAt + grace; final states never change', () => {
    expect(statusAt('pending', EXPIRES, EXPIRES_MS + GRACE, GRACE)).toBe('pending');
    expect(statusAt('partially_paid', EXPIRES, EXPIRES_MS + GRACE + 1, GRACE)).toBe('expired');
    for (const status of ['paid', 'canceled', 'expired'] as const)
      expect(statusAt(status, EXPIRES, EXPIRES_MS + 10 * GRACE, GRACE)).toBe(status);
  });

  it('EXPIRY_GRACE_SECONDS: default 120, 0..3600 accepted, anything else keeps the default', () => {
    expect(expiryGraceMs({})).toBe(120_000);
    expect(expiryGraceMs({ EXPIRY_GRACE_SECONDS: '5' })).toBe(5_000);
    expect(expiryGraceMs({ EXPIRY_GRACE_SECONDS: '0' })).toBe(0);
    for (const bad of ['-1', '3601', '1.5', 'soon', '']) expect(expiryGraceMs({ EXPIRY_GRACE_SECONDS: bad })).toBe(120_000);
  });
});
