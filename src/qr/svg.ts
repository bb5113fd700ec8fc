import { qrMatrix } from './matrix';
import { dashedRows } from './svg-path';

export interface QrSvgOptions {
  /** Width and height in px (default 320). */
  size?: number;
  /** Quiet zone in modules (default 4, the QR standard's minimum). */
  margin?: number;
  /** Colour of dark modules (default #000). */
  dark?: string;
  /** Background colour (default #fff); "none" leaves it transparent. */
  light?: string;
}

/** A hex colour or a CSS colour name: nothing that could break out of an attribute. */
const COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,32})$/;

/**
 * The QR code of the payload as a compact SVG: one path whose dashes are the horizontal runs of
 * dark modules (svg-path.ts), crisp edges. The stroke is 1 module wide, so a row's centre line
 * sits at y + ½; the viewBox starts half a module up instead, which keeps every path coordinate
 * an integer and the path independent of the margin.
 */
export function renderQrSvg(payload: string, opts: QrSvgOptions = {}): string {
  const { size = 320, margin = 4, dark = '#000', light = '#fff' } = opts;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${size}`);
  if (!Number.isInteger(margin) || margin < 0) throw new RangeError(`margin must be a non-negative integer, got ${margin}`);
  if (!COLOR.test(dark) || !COLOR.test(light)) throw new RangeError('colours must be #hex or a CSS colour name');
  const matrix = qrMatrix(payload);
  const box = matrix.size + 2 * margin;
  const x = -margin;
  const y = -margin - 0.5;
  const background = light === 'none' ? '' : `<rect x="${x}" y="${y}" width="${box}" height="${box}" fill="${light}"/>`;
  const { d, dashes } = dashedRows(matrix.modules, matrix.size);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${x} ${y} ${box} ${box}" shape-rendering="crispEdges">` +
    `${background}<path fill="none" stroke="${dark}" stroke-dasharray="${dashes}" d="${d}"/></svg>`
  );
}
