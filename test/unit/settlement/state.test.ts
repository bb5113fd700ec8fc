import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPayment, cancel, expire, type OrderState } from '../../../src/settlement/state';

const open = (amount: number): OrderState => ({
  status: 'pending',
  amount,
  amountPaid: 0,
  paidAt: null,
  expiresAt: '2030-01-01T00:00:00.000Z',
});
const NOW = '2026-01-01T00:00:00.000Z';

describe('order state machine', () => {
  it('any sequence of payments: order.paid exactly once, when the sum first reaches the amount, and no money is lost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 30 }),
        (amount, payments) => {
          let state = open(amount);
          let paidEvents = 0;
          let sum = 0;
          for (const paid of payments) {
            const before = sum;
            sum += paid;
            const next = applyPayment(state, paid, NOW);
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

  it('a late payment after cancel or expiry is counted but changes no status', () => {
    const canceled = cancel(open(50_000))!.state;
    const late = applyPayment(canceled, 50_000, NOW);
    expect(late.state.status).toBe('canceled');
    expect(late.events).toEqual(['payment.received']);
    const expired = expire({ ...open(50_000), expiresAt: NOW }, NOW)!.state;
    expect(applyPayment(expired, 10, NOW).state.status).toBe('expired');
  });

  it('cannot cancel or expire a paid order; expires only once due', () => {
    const paid = applyPayment(open(10), 10, NOW).state;
    expect(cancel(paid)).toBeNull();
    expect(expire(paid, '2099-01-01T00:00:00.000Z')).toBeNull();
    expect(expire(open(10), NOW)).toBeNull();
    expect(expire(open(10), '2030-01-01T00:00:00.000Z')?.events).toEqual(['order.expired']);
  });
});
