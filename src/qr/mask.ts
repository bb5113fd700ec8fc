// QR masks (ISO/IEC 18004 §7.8): which data modules each of the 8 masks inverts, and the format
// information that records the chosen mask, drawn exactly where uqr draws it.

/** Whether mask k inverts the module at (x, y). */
const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** Bit k set: mask k inverts the data module at (x, y). */
export function maskBits(x: number, y: number): number {
  let bits = 0;
  for (let k = 0; k < 8; k++) if (MASKS[k]!(x, y)) bits |= 1 << k;
  return bits;
}

/** 15 format bits: 2 bits of error-correction level, 3 of mask, BCH(15,5), XOR 0x5412. */
export function formatBits(eccBits: number, mask: number): number {
  const data = (eccBits << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

/** [module index, format bit index] for both copies of the format information. */
export function formatPositions(size: number): [number, number][] {
  const at = (x: number, y: number, bit: number): [number, number] => [y * size + x, bit];
  const positions: [number, number][] = [];
  for (let i = 0; i <= 5; i++) positions.push(at(8, i, i));
  positions.push(at(8, 7, 6), at(8, 8, 7), at(7, 8, 8));
  for (let i = 9; i < 15; i++) positions.push(at(14 - i, 8, i));
  for (let i = 0; i < 8; i++) positions.push(at(size - 1 - i, 8, i));
  for (let i = 8; i < 15; i++) positions.push(at(8, size - 15 + i, i));
  return positions;
}
