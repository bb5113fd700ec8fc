import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskScores } from '../../../src/qr/mask-score';

/**
 * The penalty rules as uqr (and nayuki's QR library it ports) implements them, one mask at a time
 * on plain arrays: the reference the bit-parallel scorer must match exactly.
 */
function referencePenalty(dark: boolean[][]): number {
  const size = dark.length;
  const at = (x: number, y: number, rows: boolean) => (rows ? dark[y]![x]! : dark[x]![y]!);
  let result = 0;
  const finderLike = (h: number[]) => {
    const n = h[1]!;
    const core = n > 0 && h[2] === n && h[3] === n * 3 && h[4] === n && h[5] === n;
    return (core && h[0]! >= n * 4 && h[6]! >= n ? 1 : 0) + (core && h[6]! >= n * 4 && h[0]! >= n ? 1 : 0);
  };
  const addHistory = (run: number, history: number[]) => {
    const length = history[0] === 0 ? run + size : run;
    history.pop();
    history.unshift(length);
  };
  for (const rows of [true, false]) {
    for (let line = 0; line < size; line++) {
      let runColor = false;
      let run = 0;
      const history = [0, 0, 0, 0, 0, 0, 0];
      for (let i = 0; i < size; i++) {
        const color = rows ? at(i, line, true) : at(line, i, true);
        if (color === runColor) {
          run++;
          if (run === 5) result += 3;
          else if (run > 5) result++;
        } else {
          addHistory(run, history);
          if (!runColor) result += finderLike(history) * 40;
          runColor = color;
          run = 1;
        }
      }
      if (runColor) {
        addHistory(run, history);
        run = 0;
      }
      addHistory(run + size, history);
      result += finderLike(history) * 40;
    }
  }
  let darkCount = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const color = dark[y]![x]!;
      if (color) darkCount++;
      if (y < size - 1 && x < size - 1 && color === dark[y]![x + 1] && color === dark[y + 1]![x] && color === dark[y + 1]![x + 1])
        result += 3;
    }
  }
  const total = size * size;
  return result + (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
}

const lane = (cells: Uint8Array, size: number, k: number) =>
  Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => ((cells[y * size + x]! >> k) & 1) === 1));

/** A finder-like run scaled by n (light 4n, dark n, light n, dark 3n, light n, dark n, light 4n). */
const scaledPattern = (n: number) => [4 * n, n, n, 3 * n, n, n, 4 * n].flatMap((length, i) => Array<number>(length).fill(i % 2));

/** Random cells (8 masks per byte), with long runs and, now and then, scaled finder patterns written into some lanes. */
const cellsArbitrary = fc
  .record({
    size: fc.integer({ min: 21, max: 45 }),
    seed: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 64, maxLength: 64 }),
    patterns: fc.array(
      fc.record({
        n: fc.integer({ min: 1, max: 3 }),
        line: fc.nat(),
        offset: fc.nat(),
        lanes: fc.integer({ min: 1, max: 255 }),
        column: fc.boolean(),
      }),
      {
        maxLength: 6,
      },
    ),
  })
  .map(({ size, seed, patterns }) => {
    const cells = new Uint8Array(size * size);
    // Runs of one byte value, so lanes get long runs and blocks, not just noise.
    for (let i = 0, s = 0; i < cells.length; s++) {
      const value = seed[s % seed.length]!;
      const length = 1 + (seed[(s * 7 + 3) % seed.length]! % 6);
      cells.fill(value, i, Math.min(cells.length, i + length));
      i += length;
    }
    for (const { n, line, offset, lanes, column } of patterns) {
      const pattern = scaledPattern(n);
      if (pattern.length > size) continue;
      const start = offset % (size - pattern.length + 1);
      pattern.forEach((bit, i) => {
        const index = column ? (start + i) * size + (line % size) : (line % size) * size + start + i;
        cells[index] = bit ? cells[index]! | lanes : cells[index]! & ~lanes;
      });
    }
    return { size, cells };
  });

describe('maskScores', () => {
  it('scores each of the 8 masks exactly as the one-mask-at-a-time rules do, scaled finder patterns included', () => {
    fc.assert(
      fc.property(cellsArbitrary, ({ size, cells }) => {
        const scores = maskScores(cells, size);
        expect([...scores]).toEqual(Array.from({ length: 8 }, (_, k) => referencePenalty(lane(cells, size, k))));
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['at the start of a line', 0],
    ['at the end of a line', 21 - 7],
  ])('counts a finder-like pattern %s, where the border is light', (_, start) => {
    const size = 21;
    const cells = new Uint8Array(size * size);
    [1, 0, 1, 1, 1, 0, 1].forEach((bit, x) => {
      cells[start + x] = bit;
    });
    const withPattern = maskScores(cells, size)[0]!;
    expect(withPattern).toBe(referencePenalty(lane(cells, size, 0)));
    cells[start + 3] = 0; // 1010101: no longer finder-like
    expect(withPattern - maskScores(cells, size)[0]!).toBeGreaterThanOrEqual(40);
  });
});
