// The QR code as a PNG: 1-bit greyscale (the smallest PNG a decoder reads), zlib by the platform's
// CompressionStream('deflate'), CRC-32 per chunk. No canvas, no Node APIs: the same code runs in a
// Worker and in the browser.
import { crc32 } from './crc32';
import { type QrMatrix, qrMatrix } from './matrix';

export interface QrPngOptions {
  /** Width and height in px (default 320). */
  size?: number;
  /** Quiet zone in modules (default 4, the QR standard's minimum). */
  margin?: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Which module each pixel column or row shows: pixel p covers module ⌊p · box / size⌋ − margin,
 * the nearest-neighbour scaling an SVG viewBox with crisp edges gets; -1 is the quiet zone.
 */
function moduleIndex(size: number, modules: number, margin: number): Int16Array {
  const box = modules + 2 * margin;
  return Int16Array.from({ length: size }, (_, p) => {
    const m = Math.floor((p * box) / size) - margin;
    return m >= 0 && m < modules ? m : -1;
  });
}

/** The filtered image data: per pixel row a filter byte (0, none) and the packed bits, 1 = white. */
export function scanlines(matrix: QrMatrix, size: number, margin: number): Uint8Array {
  const index = moduleIndex(size, matrix.size, margin);
  const stride = 1 + Math.ceil(size / 8);
  const out = new Uint8Array(stride * size);
  // Every pixel row of one module row is the same: pack each module row once, then copy it.
  const packed = new Map<number, Uint8Array>();
  for (let y = 0; y < size; y++) {
    const my = index[y]!;
    let row = packed.get(my);
    if (!row) {
      row = new Uint8Array(stride);
      for (let x = 0; x < size; x++) {
        const mx = index[x]!;
        const dark = my >= 0 && mx >= 0 && matrix.modules[my * matrix.size + mx] === 1;
        if (!dark) row[1 + (x >>> 3)]! |= 0x80 >>> (x & 7);
      }
      packed.set(my, row);
    }
    out.set(row, y * stride);
  }
  return out;
}

async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** PNG of a matrix: IHDR (size × size, bit depth 1, greyscale), one IDAT, IEND. */
export async function encodeQrPng(matrix: QrMatrix, size: number, margin: number): Promise<Uint8Array> {
  if (!Number.isInteger(size) || size < 1 || size > 8192) throw new RangeError(`size must be an integer 1..8192, got ${size}`);
  if (!Number.isInteger(margin) || margin < 0) throw new RangeError(`margin must be a non-negative integer, got ${margin}`);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size);
  view.setUint32(4, size);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, colour type 0 (grey), deflate, filter method 0, no interlace
  const parts = [
    Uint8Array.from(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', await deflate(scanlines(matrix, size, margin))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The QR code of the payload as PNG bytes. */
export function renderQrPng(payload: string, opts: QrPngOptions = {}): Promise<Uint8Array> {
  const { size = 320, margin = 4 } = opts;
  return encodeQrPng(qrMatrix(payload), size, margin);
}
