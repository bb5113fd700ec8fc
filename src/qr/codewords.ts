// From segments to the final codeword sequence (ISO/IEC 18004 §7.4.9–7.6), error correction level M:
// data bits, terminator and pad bytes, Reed–Solomon per block, blocks interleaved.
import { reedSolomon } from './reed-solomon';
import { BitWriter, type Segment, segmentsBits, writeSegments } from './segments';

// Level M, by version (index 0 unused): EC codewords per block and number of blocks.
const ECC_PER_BLOCK = [
  0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28,
];
const BLOCKS = [
  0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43,
  45, 47, 49,
];

/** Modules left for data and EC codewords once the function patterns are drawn. */
export function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    result -= (25 * align - 10) * align - 55;
    if (version >= 7) result -= 36;
  }
  return result;
}

export const dataCodewords = (version: number) => Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[version]! * BLOCKS[version]!;

/** The data codewords of the segments at a version: header, data, terminator, byte padding, 0xEC 0x11 … */
function dataBytes(segments: readonly Segment[], version: number): Uint8Array {
  const capacity = dataCodewords(version);
  const bytes = new Uint8Array(capacity);
  const out = new BitWriter(bytes);
  writeSegments(out, segments, version);
  if (out.length > capacity * 8) throw new RangeError(`the data does not fit version ${version}`);
  out.length = Math.min(out.length + 4, capacity * 8); // terminator: zero bits, already zero
  out.length = Math.ceil(out.length / 8) * 8;
  for (let i = out.length / 8, pad = 0xec; i < capacity; i++, pad ^= 0xec ^ 0x11) bytes[i] = pad;
  return bytes;
}

/** The smallest version (1..40) at which the segments fit, or null. */
export function smallestVersion(segmentsAt: (version: number) => readonly Segment[], from = 1, to = 40): number | null {
  for (let version = from; version <= to; version++) {
    if (segmentsBits(segmentsAt(version), version) <= dataCodewords(version) * 8) return version;
  }
  return null;
}

/** Every codeword in placement order: blocks of data then EC, interleaved column by column. */
export function allCodewords(segments: readonly Segment[], version: number): Uint8Array {
  const data = dataBytes(segments, version);
  const blocks = BLOCKS[version]!;
  const eccLength = ECC_PER_BLOCK[version]!;
  const raw = Math.floor(rawDataModules(version) / 8);
  const shortBlocks = blocks - (raw % blocks);
  const shortData = Math.floor(raw / blocks) - eccLength;
  const result = new Uint8Array(raw);
  let offset = 0;
  for (let b = 0; b < blocks; b++) {
    const length = shortData + (b < shortBlocks ? 0 : 1);
    const block = data.subarray(offset, offset + length);
    offset += length;
    const ecc = reedSolomon(block, eccLength);
    // Data codeword i of block b goes to i * blocks + b; long blocks' last one after all the rest.
    for (let i = 0; i < length; i++) result[i < shortData ? i * blocks + b : shortData * blocks + (b - shortBlocks)] = block[i]!;
    const eccStart = shortData * blocks + (blocks - shortBlocks);
    for (let i = 0; i < eccLength; i++) result[eccStart + i * blocks + b] = ecc[i]!;
  }
  return result;
}
