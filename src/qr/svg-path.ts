/**
 * Path data for the dark modules: one horizontal segment per run of dark modules in a row, drawn
 * with a 1-module stroke along the row's centre line. Coordinates are integers in module units
 * (the half-module offset of the centre line lives in the viewBox). Each move takes the shorter of
 * the absolute and the relative form.
 */
export function runsPath(modules: Uint8Array, size: number): string {
  let d = '';
  let penX = -1;
  let penY = -1;
  for (let y = 0; y < size; y++) {
    const row = y * size;
    let x = 0;
    while (x < size) {
      if (modules[row + x] === 0) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && modules[row + x] === 1) x++;
      d += `${moveTo(start, y, penX, penY)}h${x - start}`;
      penX = x;
      penY = y;
    }
  }
  return d;
}

function moveTo(x: number, y: number, penX: number, penY: number): string {
  if (penY < 0) return `M${x} ${y}`;
  if (y === penY) return `m${x - penX} 0`;
  const absolute = `M${x} ${y}`;
  const relative = `m${x - penX} ${y - penY}`;
  return relative.length < absolute.length ? relative : absolute;
}

/** Reads path data written by runsPath back into the dark modules it paints, as "x,y" keys. */
export function paintedModules(d: string): Set<string> {
  const painted = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of d.matchAll(/([MmHh])(-?\d+)(?: (-?\d+))?/g)) {
    const first = Number(a);
    if (command === 'M') [x, y] = [first, Number(b)];
    else if (command === 'm') [x, y] = [x + first, y + Number(b)];
    else {
      const end = command === 'H' ? first : x + first;
      for (let at = Math.min(x, end); at < Math.max(x, end); at++) painted.add(`${at},${y}`);
      x = end;
    }
  }
  return painted;
}
