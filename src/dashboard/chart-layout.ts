/** A bar's rectangle in the chart's coordinates (y grows downwards, as in SVG). */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartBox {
  width: number;
  /** Height of the area bars grow in; a bar of the largest value fills it. */
  height: number;
  /** Space above the bar area (for value labels). */
  top: number;
  gap: number;
}

/**
 * Bars for non-negative values, side by side: heights proportional to the value (the largest fills
 * the box; all zero: no height), bottoms on one baseline, a 1-unit sliver for any value above zero so
 * that a small day is still visible next to a big one.
 */
export function barLayout(values: number[], box: ChartBox): Bar[] {
  const max = Math.max(0, ...values);
  const width = values.length === 0 ? 0 : (box.width - box.gap * (values.length - 1)) / values.length;
  const baseline = box.top + box.height;
  return values.map((value, i) => {
    const raw = max > 0 ? (Math.max(0, value) / max) * box.height : 0;
    const height = value > 0 ? Math.max(1, raw) : 0;
    return { x: round(i * (width + box.gap)), y: round(baseline - height), width: round(width), height: round(height) };
  });
}

const round = (n: number) => Math.round(n * 10) / 10;
