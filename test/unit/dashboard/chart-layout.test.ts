import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barLayout } from '../../../src/dashboard/chart-layout';

const BOX = { width: 336, height: 110, top: 18, gap: 8 };
const amounts = fc.array(fc.integer({ min: 0, max: 5_000_000_000 }), { minLength: 1, maxLength: 31 });

describe('barLayout: the overview chart bars', () => {
  it('keeps every bar inside the box, on one baseline, side by side without overlap', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const bars = barLayout(values, BOX);
        expect(bars).toHaveLength(values.length);
        for (const [i, bar] of bars.entries()) {
          expect(bar.x).toBeGreaterThanOrEqual(0);
          expect(bar.x + bar.width).toBeLessThanOrEqual(BOX.width + 0.5);
          expect(bar.y).toBeGreaterThanOrEqual(BOX.top - 0.1);
          expect(bar.y + bar.height).toBeCloseTo(BOX.top + BOX.height, 0);
          if (i > 0) expect(bar.x).toBeGreaterThanOrEqual(bars[i - 1]!.x + bars[i - 1]!.width);
        }
      }),
    );
  });

  it('draws heights in proportion to the amounts: the largest fills the box, zero is no bar, any money is visible', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const bars = barLayout(values, BOX);
        const max = Math.max(...values);
        for (const [i, value] of values.entries()) {
          const height = bars[i]!.height;
          if (value === 0) expect(height).toBe(0);
          else expect(height).toBeGreaterThanOrEqual(1);
          if (max > 0 && value / max > 0.05) expect(Math.abs(height - (value / max) * BOX.height)).toBeLessThanOrEqual(0.1);
          if (value === max && max > 0) expect(height).toBeCloseTo(BOX.height, 5);
        }
      }),
    );
  });

  it('orders bars like their amounts', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const bars = barLayout(values, BOX);
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++)
            if (values[i]! > values[j]!) expect(bars[i]!.height).toBeGreaterThanOrEqual(bars[j]!.height);
      }),
    );
  });
});
