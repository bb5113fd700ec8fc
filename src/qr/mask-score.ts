// Penalty scores of all 8 masks at once (ISO/IEC 18004 §7.8.3, with uqr's exact rules and quirks).
// Each module is a byte whose bit k is its colour under mask k, so one bitwise operation scores
// 8 masks. Only scaled finder-like runs (n >= 2, rare) fall back to a per-mask walk of the line.

// Rule 1 (N1 = 3) is folded into the window count: a run of L >= 5 scores 3 + (L - 5) = L - 2.
const N2 = 3;
const N3 = 40;
const N4 = 10;

/** Spreads 4 bits into 4 byte lanes, so adding it counts each bit in its own lane. */
const SPREAD = Int32Array.from({ length: 16 }, (_, b) => (b & 1) | ((b & 2) << 7) | ((b & 4) << 14) | ((b & 8) << 21));

/** Per-mask counters fed a byte at a time; a lane holds up to 255, so flush at least that often. */
class BitCounter {
  low = 0;
  high = 0;
  readonly totals = new Int32Array(8);
  add(bits: number): void {
    this.low += SPREAD[bits & 15]!;
    this.high += SPREAD[(bits >> 4) & 15]!;
  }
  /** Lane sums built elsewhere (each lane < 256). */
  addLanes(low: number, high: number): void {
    this.low = low;
    this.high = high;
    this.flush();
  }
  flush(): void {
    for (let k = 0; k < 4; k++) {
      this.totals[k]! += (this.low >>> (8 * k)) & 0xff;
      this.totals[k + 4]! += (this.high >>> (8 * k)) & 0xff;
    }
    this.low = 0;
    this.high = 0;
  }
}

interface Counters {
  runs: BitCounter;
  finders: BitCounter;
  /** Lines that may hold a scaled finder-like pattern: [start, step, masks]. */
  scaled: [number, number, number][];
}

/** Scores of masks 0..7 for `cells` (size × size, row-major, bit k = colour under mask k). */
export function maskScores(cells: Uint8Array, size: number): Int32Array {
  const dark = new BitCounter();
  const blocks = new BitCounter();
  const counters: Counters = { runs: new BitCounter(), finders: new BitCounter(), scaled: [] };
  for (let y = 0; y < size; y++) {
    lineRules(cells, y * size, 1, size, counters);
    const row = y * size;
    for (let x = 0; x < size; x++) {
      const a = cells[row + x]!;
      dark.add(a);
      if (y + 1 < size && x + 1 < size)
        blocks.add(~((a ^ cells[row + x + 1]!) | (a ^ cells[row + size + x]!) | (a ^ cells[row + size + x + 1]!)));
    }
    dark.flush();
    blocks.flush();
  }
  for (let x = 0; x < size; x++) lineRules(cells, x, size, size, counters);
  const scores = new Int32Array(8);
  const total = size * size;
  for (let k = 0; k < 8; k++) {
    const balance = Math.ceil(Math.abs(dark.totals[k]! * 20 - total * 10) / total) - 1;
    scores[k] = counters.runs.totals[k]! + blocks.totals[k]! * N2 + counters.finders.totals[k]! * N3 + balance * N4;
  }
  for (const [start, step, masks] of counters.scaled) {
    for (let k = 0; k < 8; k++) if ((masks >> k) & 1) scores[k]! += scaledFinders(cells, start, step, size, k) * N3;
  }
  return scores;
}

/**
 * Rules 1 and 3 along one line, for all masks. Rule 1: a run of L >= 5 scores L - 2, i.e. its
 * 5-module windows plus 2 for the first. Rule 3 at n = 1: the maximal runs 1:1:3:1:1 with 4 light
 * modules on a side are exactly the windows 0000·1011101·0 and 0·1011101·0000, where the border
 * counts as light (hence 4 light modules of padding after the line). Lines with 11·00·111111·00·11
 * or 9 dark in a row may hold the scaled patterns, and are noted for scaledFinders.
 */
function lineRules(cells: Uint8Array, start: number, step: number, size: number, counters: Counters): void {
  // c1..c13: the previous modules, most recent first; before the line, light. core1..core3: the
  // last three values of `core`, since the 1011101 that ends 4 modules back is core3.
  let [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  let [core1, core2, core3] = [0, 0, 0];
  let [e1, e2, e3, window, scaled] = [0, 0, 0, 0, 0];
  // Byte-lane sums (see SPREAD), low and high nibble of the mask byte; added up once per line.
  let [runsLow, runsHigh, findersLow, findersHigh] = [0, 0, 0, 0];
  for (let i = 0, at = start; i < size + 4; i++, at += step) {
    // After the line: 4 light modules of border, for the patterns that end with 4 light.
    const inside = i < size;
    const c = inside ? cells[at]! : 0;
    if (inside) {
      const same = ~(c ^ c1) & 0xff;
      const next = same & e1 & e2 & e3;
      if (next !== 0) {
        const first = next & ~window;
        runsLow += SPREAD[next & 15]! + 2 * SPREAD[first & 15]!;
        runsHigh += SPREAD[next >> 4]! + 2 * SPREAD[first >> 4]!;
      }
      window = next;
      e3 = e2;
      e2 = e1;
      e1 = i >= 1 ? same : 0;
      const middle = c8 & c7 & c6 & c5 & c4;
      scaled |= (c13 & c12 & c9 & middle & c1 & c & ~(c11 | c10 | c3 | c2)) | (middle & c3 & c2 & c1 & c);
    }
    const core = c7 & c5 & c4 & c3 & c1 & ~(c6 | c2);
    const edges = c11 | c;
    const found = core & ~(edges | c10 | c9 | c8) & 0xff;
    const foundLater = core3 & ~(edges | c3 | c2 | c1) & 0xff;
    if ((found | foundLater) !== 0) {
      findersLow += SPREAD[found & 15]! + SPREAD[foundLater & 15]!;
      findersHigh += SPREAD[found >> 4]! + SPREAD[foundLater >> 4]!;
    }
    core3 = core2;
    core2 = core1;
    core1 = core;
    c13 = c12;
    c12 = c11;
    c11 = c10;
    c10 = c9;
    c9 = c8;
    c8 = c7;
    c7 = c6;
    c6 = c5;
    c5 = c4;
    c4 = c3;
    c3 = c2;
    c2 = c1;
    c1 = c;
  }
  counters.runs.addLanes(runsLow, runsHigh);
  counters.finders.addLanes(findersLow, findersHigh);
  if (scaled & 0xff) counters.scaled.push([start, step, scaled & 0xff]);
}

/** Rule 3 for one line and one mask, n >= 2 only, counted as uqr does: 7 runs of history, border light. */
function scaledFinders(cells: Uint8Array, start: number, step: number, size: number, k: number): number {
  const history = new Int32Array(7);
  const push = (run: number) => {
    const length = history[0] === 0 ? run + size : run;
    history.copyWithin(1, 0, 6);
    history[0] = length;
  };
  let count = 0;
  let runColor = 0;
  let run = 0;
  for (let i = 0, at = start; i < size; i++, at += step) {
    const color = (cells[at]! >> k) & 1;
    if (color === runColor) {
      run++;
      continue;
    }
    push(run);
    if (runColor === 0) count += scaledFinderLike(history);
    runColor = color;
    run = 1;
  }
  if (runColor === 1) {
    push(run);
    run = 0;
  }
  push(run + size);
  return count + scaledFinderLike(history);
}

/** 0, 1 or 2 for the runs light, dark n, light n, dark 3n, light n, dark n, light with 4n light on a side; n >= 2. */
function scaledFinderLike(h: Int32Array): number {
  const n = h[1]!;
  if (n < 2 || h[2] !== n || h[3] !== n * 3 || h[4] !== n || h[5] !== n) return 0;
  return (h[0]! >= n * 4 && h[6]! >= n ? 1 : 0) + (h[6]! >= n * 4 && h[0]! >= n ? 1 : 0);
}
