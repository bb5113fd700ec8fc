// Where everything sits in a QR symbol of one version (ISO/IEC 18004 §6.3, §7.7): finder, timing
// and alignment patterns, version information, the dark module, and the zigzag order of the data
// modules. All of it depends on the version only, so it is built once per version and reused.
import { formatBits, formatPositions, maskBits } from './mask';

export interface Layout {
  version: number;
  size: number;
  /**
   * Module bytes before any data: function modules 0x00 (light) or 0xFF (dark); data modules the
   * light module under all 8 masks (bit k set if mask k inverts it), so a 1 bit XORs in 0xFF.
   */
  template: Uint8Array;
  /** Data module indices in placement order (§7.7.3), remainder bits included. */
  order: Uint16Array;
  /** Format-information modules and their colour under each mask (bit k = mask k). */
  format: [number, number][];
}

/** The 2-bit code of level M in the format information. */
const ECC_FORMAT_BITS = 0;

/** Centres of alignment patterns along each axis. */
export function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const size = version * 4 + 17;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const result = [6];
  for (let pos = size - 7; result.length < count; pos -= step) result.splice(1, 0, pos);
  return result;
}

function build(version: number): Layout {
  const size = version * 4 + 17;
  const template = new Uint8Array(size * size);
  const isFunction = new Uint8Array(size * size);
  const set = (x: number, y: number, dark: boolean) => {
    template[y * size + x] = dark ? 0xff : 0;
    isFunction[y * size + x] = 1;
  };
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    // 7×7 finder plus its light separator, clipped at the edges.
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, ring !== 2 && ring !== 4);
      }
    }
  }
  const align = alignmentPositions(version);
  for (let i = 0; i < align.length; i++) {
    for (let j = 0; j < align.length; j++) {
      // Not where a finder pattern already is.
      if ((i === 0 && j === 0) || (i === 0 && j === align.length - 1) || (i === align.length - 1 && j === 0)) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(align[i]! + dx, align[j]! + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  const format = formatPositions(size).map(([index, bit]): [number, number] => {
    isFunction[index] = 1;
    let colours = 0;
    for (let k = 0; k < 8; k++) colours |= ((formatBits(ECC_FORMAT_BITS, k) >>> bit) & 1) << k;
    return [index, colours];
  });
  set(8, size - 8, true);
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, dark);
      set(b, a, dark);
    }
  }
  const order: number[] = [];
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // the vertical timing pattern takes a whole column
    const upward = ((right + 1) & 2) === 0;
    for (let vert = 0; vert < size; vert++) {
      const y = upward ? size - 1 - vert : vert;
      for (let j = 0; j < 2; j++) {
        const index = y * size + right - j;
        if (!isFunction[index]) order.push(index);
      }
    }
  }
  for (const index of order) template[index] = maskBits(index % size, Math.floor(index / size));
  return { version, size, template, order: Uint16Array.from(order), format };
}

const layouts: (Layout | undefined)[] = [];

export function layoutOf(version: number): Layout {
  if (!Number.isInteger(version) || version < 1 || version > 40) throw new RangeError(`no QR version ${version}`);
  layouts[version] ??= build(version);
  return layouts[version]!;
}
