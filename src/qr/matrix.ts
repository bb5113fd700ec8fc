import { encode } from 'uqr';
import { formatBits, formatPositions, maskBits } from './mask';
import { maskScores } from './mask-score';

/**
 * Error correction M (15 % of codewords recoverable): survives glare on a phone screen and a
 * scuffed receipt, while a VietQR payload (~100–160 characters) stays at version 5–8, so modules
 * stay large at 320 px. Q/H would push the same payload up two to four versions.
 */
export const QR_ECC = 'M';
const ECC_FORMAT_BITS = 0; // the 2-bit code of level M in the format information

export interface QrMatrix {
  /** Modules per side, without quiet zone. */
  size: number;
  /** Row-major, 1 = dark. */
  modules: Uint8Array;
  version: number;
  mask: number;
}

interface Layout {
  /** Per module: bit k set if mask k inverts it (0 for function modules). */
  flips: Uint8Array;
  /** Format-information modules and their colour under each mask (bit k = mask k). */
  format: [number, number][];
}

/** Which modules carry data depends only on the version: computed once per version. */
const layouts = new Map<number, Layout>();

function layoutOf(version: number, size: number, types: readonly (readonly number[])[]): Layout {
  const cached = layouts.get(version);
  if (cached) return cached;
  const flips = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (types[y]![x] === 0) flips[y * size + x] = maskBits(x, y);
  const format = formatPositions(size).map(([index, bit]): [number, number] => {
    let colours = 0;
    for (let k = 0; k < 8; k++) colours |= ((formatBits(ECC_FORMAT_BITS, k) >>> bit) & 1) << k;
    return [index, colours];
  });
  const layout = { flips, format };
  layouts.set(version, layout);
  return layout;
}

/**
 * The module matrix uqr produces with automatic masking, several times faster: uqr encodes once
 * with mask 0; here every module becomes a byte of its colour under all 8 masks, the 8 penalty
 * scores come from one pass (mask-score.ts), and the lowest wins (the first on a tie, as in uqr).
 */
export function qrMatrix(payload: string): QrMatrix {
  const base = encode(payload, { ecc: QR_ECC, border: 0, maskPattern: 0 });
  const { size, version } = base;
  const { flips, format } = layoutOf(version, size, base.types);
  const cells = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    const row = base.data[y]!;
    for (let x = 0, i = y * size; x < size; x++, i++) {
      // Unmasked colour = colour under mask 0 XOR mask 0's bit; then all 8 masks at once.
      const raw = (row[x] ? 1 : 0) ^ (flips[i]! & 1);
      cells[i] = (raw ? 0xff : 0) ^ flips[i]!;
    }
  }
  for (const [index, colours] of format) cells[index] = colours;
  const scores = maskScores(cells, size);
  let mask = 0;
  for (let k = 1; k < 8; k++) if (scores[k]! < scores[mask]!) mask = k;
  const modules = new Uint8Array(size * size);
  for (let i = 0; i < cells.length; i++) modules[i] = (cells[i]! >> mask) & 1;
  return { size, modules, version, mask };
}
