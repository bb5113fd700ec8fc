import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECENTLY_EXPIRED_MS } from '../../../src/reconcile/limits';
import { checkDue } from '../../../src/reconcile/order-schedule';

const MINUTE = 60_000;
const schedule = { firstChecksMs: [1, 3, 10, 30].map((m) => m * MINUTE), everyMs: 30 * MINUTE };
const GRACE = 2 * MINUTE;

/** Every check point of an order, listed one by one (the reference the closed form is checked against). */
function points(createdAtMs: number, expiresAtMs: number, s = schedule) {
  const end = expiresAtMs + GRACE + RECENTLY_EXPIRED_MS;
  const list = s.firstChecksMs.map((offset) => createdAtMs + offset);
  list.push(expiresAtMs + GRACE);
  for (let p = createdAtMs + (s.firstChecksMs.at(-1) ?? 0) + s.everyMs; p <= end; p += s.everyMs) list.push(p);
  return list.filter((p) => p <= end);
}

describe('status check points of an order', () => {
  it('payOS-like: +1, +3, +10, +30 min, then every 30 min, and at the last counting moment', () => {
    const created = Date.parse('2026-11-21T10:00:00Z');
    const order = { createdAtMs: created, expiresAtMs: created + 15 * MINUTE };
    const due = (fromMin: number, toMin: number) => checkDue(order, schedule, GRACE, created + fromMin * MINUTE, created + toMin * MINUTE);
    expect(due(0, 0.5)).toBe(false);
    expect(due(0.5, 1)).toBe(true);
    expect(due(1, 2.9)).toBe(false);
    expect(due(16, 17)).toBe(true); // expiry (15) + grace (2)
    expect(due(17, 29)).toBe(false);
    expect(due(59, 60)).toBe(true);
    expect(due(61, 89)).toBe(false);
    // A day after its last counting moment, it is no longer asked about.
    expect(due(17 + 24 * 60, 17 + 48 * 60)).toBe(false);
  });

  it('property: due over (from, to] exactly when a listed check point falls in it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 7 * 24 * 60 }),
        fc.integer({ min: -60, max: 40 * 60 }),
        fc.integer({ min: 0, max: 8 * 60 }),
        (createdMin, lifeMin, fromOffsetMin, widthMin) => {
          const created = createdMin * MINUTE;
          const expires = created + lifeMin * MINUTE;
          const from = created + fromOffsetMin * MINUTE;
          const to = from + widthMin * MINUTE;
          const expected = points(created, expires).some((p) => p > from && p <= to);
          expect(checkDue({ createdAtMs: created, expiresAtMs: expires }, schedule, GRACE, from, to)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: runs back to back over any split of time ask about an order at most once per check point', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 60 }), (gapsMin) => {
        const created = 0;
        const expires = 15 * MINUTE;
        let from = created;
        let asked = 0;
        for (const gap of gapsMin) {
          const to = from + gap * MINUTE;
          if (checkDue({ createdAtMs: created, expiresAtMs: expires }, schedule, GRACE, from, to)) asked += 1;
          from = to;
        }
        const reached = points(created, expires).filter((p) => p > created && p <= from).length;
        expect(asked).toBeLessThanOrEqual(reached);
        // …and never misses a window that holds a point.
        expect(asked > 0).toBe(reached > 0);
      }),
    );
  });
});
