import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISABLE_AFTER_MS,
  JITTER,
  MAX_ATTEMPTS,
  nextAttemptDelay,
  parseRetryAfter,
  RETRY_DELAYS_MS,
  shouldDisable,
} from '../../../src/delivery/schedule';

const fixed = (value: number) => () => value;
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const retryable = fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 });

describe('retry schedule', () => {
  it('is the contract schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; 8 attempts in all', () => {
    expect(RETRY_DELAYS_MS).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(DISABLE_AFTER_MS).toBe(5 * 86_400_000);
  });

  it('without jitter (random 0.5) waits exactly the scheduled delay', () => {
    expect(RETRY_DELAYS_MS.map((_, i) => nextAttemptDelay(i + 1, fixed(0.5)))).toEqual(RETRY_DELAYS_MS);
  });

  it('gives up after the 8th attempt', () => {
    expect(nextAttemptDelay(8, fixed(0.5))).toBeNull();
    expect(nextAttemptDelay(9, fixed(0.5))).toBeNull();
    expect(nextAttemptDelay(0, fixed(0.5))).toBeNull();
  });

  it('jitter stays within ±20 % of the scheduled delay', () => {
    fc.assert(
      fc.property(retryable, unit, (attempt, r) => {
        const base = RETRY_DELAYS_MS[attempt - 1]!;
        const delay = nextAttemptDelay(attempt, fixed(r))!;
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - JITTER)));
        expect(delay).toBeLessThanOrEqual(Math.ceil(base * (1 + JITTER)));
      }),
    );
  });

  it('the jitter reaches both ends of its range', () => {
    expect(nextAttemptDelay(1, fixed(0))).toBe(4_000);
    expect(nextAttemptDelay(1, fixed(0.999999))).toBe(6_000);
  });

  it('Retry-After is honoured but clamped to [scheduled, 2 × scheduled]', () => {
    fc.assert(
      fc.property(retryable, unit, fc.nat({ max: 200 * 3_600_000 }), (attempt, r, retryAfter) => {
        const scheduled = nextAttemptDelay(attempt, fixed(r))!;
        const delay = nextAttemptDelay(attempt, fixed(r), retryAfter)!;
        expect(delay).toBeGreaterThanOrEqual(scheduled);
        expect(delay).toBeLessThanOrEqual(2 * scheduled);
        if (retryAfter >= scheduled && retryAfter <= 2 * scheduled) expect(delay).toBe(retryAfter);
      }),
    );
    expect(nextAttemptDelay(1, fixed(0.5), 1_000)).toBe(5_000);
    expect(nextAttemptDelay(1, fixed(0.5), 7_000)).toBe(7_000);
    expect(nextAttemptDelay(1, fixed(0.5), 3_600_000)).toBe(10_000);
  });

  it('Retry-After never revives an exhausted delivery', () => {
    expect(nextAttemptDelay(8, fixed(0.5), 1_000)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-21T10:00:00.000Z');

  it('reads delta seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 21 Nov 2026 10:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is neither', () => {
    for (const header of [null, undefined, '', 'soon', '-5', '1.5', '12abc', '2026-13-45']) {
      expect(parseRetryAfter(header, now)).toBeNull();
    }
  });

  it('round-trips any delta and any date', () => {
    fc.assert(fc.property(fc.nat({ max: 10 ** 7 }), (seconds) => parseRetryAfter(String(seconds), now) === seconds * 1000));
    fc.assert(
      fc.property(
        fc.nat({ max: 10 ** 7 }),
        (seconds) => parseRetryAfter(new Date(now + seconds * 1000).toUTCString(), now) === seconds * 1000,
      ),
    );
  });
});

describe('shouldDisable', () => {
  const now = Date.parse('2026-11-21T10:00:00.000Z');
  it('after 5 days of failing, not before, not when healthy', () => {
    expect(shouldDisable(null, now)).toBe(false);
    expect(shouldDisable(new Date(now - DISABLE_AFTER_MS + 1).toISOString(), now)).toBe(false);
    expect(shouldDisable(new Date(now - DISABLE_AFTER_MS).toISOString(), now)).toBe(true);
  });
});
