// QR data segments (ISO/IEC 18004 §7.4) and the optimal split of a text into them. A VietQR payload
// is digits (tags, lengths, amount, account) interleaved with letters; one mode for the whole string
// is byte mode as soon as one lowercase letter appears, where numeric runs cost 3⅓ bits a digit
// instead of 8. The split is Nayuki's dynamic programme ("QR Code generator library", optimal
// segmentation): the cheapest mode for every character, given what a mode switch costs at this version.

export type SegmentMode = 'numeric' | 'alphanumeric' | 'byte';

export interface Segment {
  mode: SegmentMode;
  /** The characters of this segment (code points of `text`). */
  text: string;
}

const MODES: readonly SegmentMode[] = ['numeric', 'alphanumeric', 'byte'];
const MODE_INDICATOR = { numeric: 0b0001, alphanumeric: 0b0010, byte: 0b0100 } as const;

/** Character-count field widths by version group (1–9, 10–26, 27–40). */
const COUNT_BITS: Record<SegmentMode, readonly [number, number, number]> = {
  numeric: [10, 12, 14],
  alphanumeric: [9, 11, 13],
  byte: [8, 16, 16],
};

export const versionGroup = (version: number): 0 | 1 | 2 => (version <= 9 ? 0 : version <= 26 ? 1 : 2);
export const countBits = (mode: SegmentMode, version: number) => COUNT_BITS[mode][versionGroup(version)];

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Alphanumeric value per ASCII code, -1 where the character is not in the set. */
const ALNUM_VALUE = Int8Array.from({ length: 128 }, (_, code) => ALPHANUMERIC.indexOf(String.fromCharCode(code)));

const isDigit = (code: number) => code >= 48 && code <= 57;
const isAlphanumeric = (code: number) => code < 128 && ALNUM_VALUE[code]! >= 0;
const utf8Length = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/** Bits of n characters of a mode, data only: digits 10 per 3, alphanumerics 11 per 2, bytes 8 each. */
export function dataBits(mode: SegmentMode, chars: number, bytes: number): number {
  if (mode === 'numeric') return Math.floor(chars / 3) * 10 + [0, 4, 7][chars % 3]!;
  if (mode === 'alphanumeric') return Math.floor(chars / 2) * 11 + (chars % 2) * 6;
  return bytes * 8;
}

const codePoints = (text: string): number[] => Array.from(text, (c) => c.codePointAt(0)!);

/**
 * The cheapest segments for the text at a version group. Costs are in sixths of a bit so that
 * numeric (20/6 per digit) and alphanumeric (33/6) characters add up exactly; a segment ends
 * rounded up to a whole bit, and a new one pays its mode indicator and count field.
 */
export function optimalSegments(text: string, version: number): Segment[] {
  const chars = codePoints(text);
  if (chars.length === 0) return [];
  const head = MODES.map((mode) => (4 + countBits(mode, version)) * 6);
  // from[i * 3 + m]: the mode of character i on the cheapest path that is in mode m after it.
  const from = new Int8Array(chars.length * 3);
  let costs = head.slice();
  for (let i = 0; i < chars.length; i++) {
    const code = chars[i]!;
    const next = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, costs[2]! + utf8Length(code) * 48];
    if (isAlphanumeric(code)) next[1] = costs[1]! + 33;
    if (isDigit(code)) next[0] = costs[0]! + 20;
    for (let m = 0; m < 3; m++) from[i * 3 + m] = m;
    // Switching after this character: end the segment (round up) and open one in another mode.
    for (let to = 0; to < 3; to++) {
      for (let was = 0; was < 3; was++) {
        if (to === was || next[was] === Number.POSITIVE_INFINITY) continue;
        const switched = Math.ceil(next[was]! / 6) * 6 + head[to]!;
        if (switched < next[to]!) {
          next[to] = switched;
          from[i * 3 + to] = was;
        }
      }
    }
    costs = next;
  }
  let mode = 0;
  for (let m = 1; m < 3; m++) if (costs[m]! < costs[mode]!) mode = m;
  const modes = new Int8Array(chars.length);
  for (let i = chars.length - 1; i >= 0; i--) {
    mode = from[i * 3 + mode]!;
    modes[i] = mode;
  }
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= chars.length; i++) {
    if (i < chars.length && modes[i] === modes[start]) continue;
    segments.push({ mode: MODES[modes[start]!]!, text: String.fromCodePoint(...chars.slice(start, i)) });
    start = i;
  }
  return segments;
}

const encoder = new TextEncoder();

/** Bits the segments take at a version (header included), or Infinity when a count overflows its field. */
export function segmentsBits(segments: readonly Segment[], version: number): number {
  let total = 0;
  for (const { mode, text } of segments) {
    const width = countBits(mode, version);
    const bytes = mode === 'byte' ? encoder.encode(text).length : text.length;
    const count = mode === 'byte' ? bytes : text.length;
    if (count >= 1 << width) return Number.POSITIVE_INFINITY;
    total += 4 + width + dataBits(mode, text.length, bytes);
  }
  return total;
}

/** Appends bits MSB first into a byte array. */
export class BitWriter {
  length = 0;
  constructor(readonly bytes: Uint8Array) {}
  write(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--, this.length++) {
      if ((value >>> i) & 1) this.bytes[this.length >>> 3]! |= 0x80 >>> (this.length & 7);
    }
  }
}

/** Writes each segment: mode indicator, character count, data. */
export function writeSegments(out: BitWriter, segments: readonly Segment[], version: number): void {
  for (const { mode, text } of segments) {
    out.write(MODE_INDICATOR[mode], 4);
    if (mode === 'byte') {
      const bytes = encoder.encode(text);
      out.write(bytes.length, countBits(mode, version));
      for (const byte of bytes) out.write(byte, 8);
    } else if (mode === 'alphanumeric') {
      out.write(text.length, countBits(mode, version));
      let i = 0;
      for (; i + 1 < text.length; i += 2) out.write(ALNUM_VALUE[text.charCodeAt(i)]! * 45 + ALNUM_VALUE[text.charCodeAt(i + 1)]!, 11);
      if (i < text.length) out.write(ALNUM_VALUE[text.charCodeAt(i)]!, 6);
    } else {
      out.write(text.length, countBits(mode, version));
      for (let i = 0; i < text.length; i += 3) {
        const digits = text.slice(i, i + 3);
        out.write(Number(digits), digits.length * 3 + 1);
      }
    }
  }
}

/** One segment in the single mode that fits the whole text, as encoders without segmentation choose. */
export function singleSegment(text: string): Segment[] {
  if (text === '') return [];
  const chars = codePoints(text);
  if (chars.every(isDigit)) return [{ mode: 'numeric', text }];
  if (chars.every(isAlphanumeric)) return [{ mode: 'alphanumeric', text }];
  return [{ mode: 'byte', text }];
}
