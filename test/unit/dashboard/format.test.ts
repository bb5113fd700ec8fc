import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactVnd,
  formatTime,
  formatVnd,
  fromVietnamLocal,
  lastDays,
  toVietnamLocal,
  vietnamDay,
  vietnamDayStart,
} from '../../../src/dashboard/format';

describe('dashboard money and time', () => {
  it('writes VND with dots between thousands and a no-break space before ₫', () => {
    expect(formatVnd(0)).toBe('0\u00a0₫');
    expect(formatVnd(50_000)).toBe('50.000\u00a0₫');
    expect(formatVnd(1_234_567_890)).toBe('1.234.567.890\u00a0₫');
    expect(compactVnd(950_000, 'vi')).toBe('950k');
    expect(compactVnd(1_250_000, 'vi')).toBe('1,3tr');
    expect(compactVnd(1_250_000, 'en')).toBe('1.3M');
    expect(compactVnd(2_000_000_000, 'vi')).toBe('2tỷ');
  });

  it("counts days on Vietnam's clock (UTC+7): 17:00 UTC is the next day", () => {
    expect(vietnamDay(Date.parse('2026-11-21T16:59:59.999Z'))).toBe('2026-11-21');
    expect(vietnamDay(Date.parse('2026-11-21T17:00:00.000Z'))).toBe('2026-11-22');
    expect(vietnamDayStart('2026-11-22')).toBe('2026-11-21T17:00:00.000Z');
    expect(formatTime('2026-11-21T03:15:00.000Z')).toBe('10:15 21/11/2026');
  });

  it('lists the last n days, consecutive, ending today, each starting where the previous ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2021-01-01'), max: Date.parse('2035-01-01') }),
        fc.integer({ min: 1, max: 40 }),
        (now, n) => {
          const days = lastDays(now, n);
          expect(days).toHaveLength(n);
          expect(days.at(-1)).toBe(vietnamDay(now));
          for (let i = 1; i < n; i++)
            expect(Date.parse(vietnamDayStart(days[i]!)) - Date.parse(vietnamDayStart(days[i - 1]!))).toBe(86_400_000);
          expect(Date.parse(vietnamDayStart(days.at(-1)!))).toBeLessThanOrEqual(now);
        },
      ),
    );
  });

  it('reads a datetime-local value as Vietnam time, and writes one back', () => {
    expect(fromVietnamLocal('2026-11-21T10:00')).toBe('2026-11-21T03:00:00.000Z');
    expect(fromVietnamLocal('2026-11-21 10:00')).toBeNull();
    expect(fromVietnamLocal('yesterday')).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2021-01-01'), max: Date.parse('2035-01-01') }), (ms) => {
        const minute = Math.floor(ms / 60_000) * 60_000;
        expect(fromVietnamLocal(toVietnamLocal(minute))).toBe(new Date(minute).toISOString());
      }),
    );
  });
});
