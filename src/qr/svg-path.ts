// The dark modules as ONE stroked polyline plus a dash pattern. The line snakes through the rows
// (→ on even rows, ← on odd ones, one step down in the quiet zone between them) with a stroke one
// module wide, and its dashes are exactly the horizontal runs of dark modules: each run costs two
// small numbers ("3 2 ": dark 3, light 2), where "m2 0h3" per run would be half as long again.
// Path coordinates are integers in module units; dash lengths are whole modules.

/** Decimal strings of small numbers, so the hot loop does not convert each length again. */
const DIGITS = Array.from({ length: 256 }, (_, n) => String(n));
const text = (n: number) => DIGITS[n] ?? String(n);

export interface DashedRows {
  /** Path data: M0 0 h… v1 h-… v1 … */
  d: string;
  /** stroke-dasharray: dark, light, dark, … lengths in modules, starting dark, even in count. */
  dashes: string;
}

export function dashedRows(modules: Uint8Array, size: number): DashedRows {
  let d = 'M0 0';
  let dashes = '';
  // Row 0 starts at x = 0, inside the top-left finder pattern: the pattern starts dark.
  let dark = true;
  let run = 0;
  for (let y = 0; y < size; y++) {
    const forward = y % 2 === 0;
    // Each row runs one light module past the code on both sides, so the turns stay light.
    const first = y === 0 ? 0 : forward ? -1 : size;
    const last = forward ? size : -1;
    const step = forward ? 1 : -1;
    const cells = Math.abs(last - first) + 1;
    d += forward ? `h${text(cells)}` : `h-${text(cells)}`;
    for (let x = first; x !== last + step; x += step) {
      const on = x >= 0 && x < size && modules[y * size + x] === 1;
      if (on === dark) {
        run++;
        continue;
      }
      dashes += `${text(run)} `;
      dark = on;
      run = 1;
    }
    if (y === size - 1) break;
    d += 'v1';
    // The step down is light; the row ended light, so it lengthens that gap.
    run++;
  }
  dashes += text(run);
  // Ending on a dash would leave an odd count, which SVG repeats to make even: end on a gap.
  if (dark) dashes += ' 1';
  return { d, dashes };
}

/** Reads a dashed polyline back into the modules it paints ("x,y" keys); throws if a turn would paint. */
export function paintedModules(d: string, dashes: string): Set<string> {
  const pattern = dashes.split(' ').map(Number);
  const painted = new Set<string>();
  let [x, y] = [0, 0];
  let index = 0;
  let left = pattern[0]!;
  const advance = () => {
    const on = index % 2 === 0;
    left--;
    while (left === 0 && index < pattern.length - 1) left = pattern[++index]!;
    return on;
  };
  for (const [, command, a, b] of d.matchAll(/([Mhv])(-?\d+)(?: (-?\d+))?/g)) {
    const n = Number(a);
    if (command === 'M') [x, y] = [n, Number(b)];
    else if (command === 'h') {
      for (let i = 0; i < Math.abs(n); i++) {
        const cell = n > 0 ? x + i : x - i - 1;
        if (advance()) painted.add(`${cell},${y}`);
      }
      x += n;
    } else {
      for (let i = 0; i < n; i++) if (advance()) throw new Error(`the step down at ${x},${y} would be painted`);
      y += n;
    }
  }
  return painted;
}
