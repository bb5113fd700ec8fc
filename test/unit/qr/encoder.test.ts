import fc from 'fast-check';
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { encodeSegments, type QrMatrix, qrMatrix } from '../../../src/qr/matrix';
import { singleSegment } from '../../../src/qr/segments';
import { vietQrPayload } from './arbitraries';

/** uqr (Nayuki's encoder) with its one-mode segment: the reference our encoder must match module for module. */
function sameAsUqr(text: string): void {
  const theirs = encode(text, { ecc: 'M', border: 0 });
  const ours = encodeSegments(singleSegment(text));
  expect([ours.version, ours.mask]).toEqual([theirs.version, theirs.maskPattern]);
  const grid = Array.from({ length: ours.size }, (_, y) =>
    Array.from({ length: ours.size }, (_, x) => ours.modules[y * ours.size + x] === 1),
  );
  expect(grid).toEqual(theirs.data);
}

/** The matrix as RGBA pixels, 4 px a module, 4 modules of quiet zone, for jsQR to read like a camera would. */
function bitmap(matrix: QrMatrix): { data: Uint8ClampedArray; width: number } {
  const scale = 4;
  const width = (matrix.size + 8) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < matrix.size; y++) {
    for (let x = 0; x < matrix.size; x++) {
      if (!matrix.modules[y * matrix.size + x]) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const at = (((y + 4) * scale + dy) * width + (x + 4) * scale + dx) * 4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
      }
    }
  }
  return { data, width };
}

const read = (matrix: QrMatrix) => {
  const { data, width } = bitmap(matrix);
  return jsQR(data, width, width)?.data;
};

describe('the QR encoder', () => {
  it('draws exactly the symbol of Nayuki’s encoder (uqr) for the same one-mode segment, at every version', () => {
    const texts = [
      '0',
      '1234567890'.repeat(300),
      'HELLO WORLD $%*+-./:',
      'A'.repeat(1800),
      'ă'.repeat(700),
      'x'.repeat(2331),
      ...Array.from({ length: 40 }, (_, v) => 'q'.repeat(Math.max(1, v * 58))),
    ];
    for (const text of texts) sameAsUqr(text);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 500 }), (text) => sameAsUqr(text)),
      { numRuns: 60 },
    );
  });

  it('reads back (jsQR) to the exact VietQR payload with mixed segments', () => {
    fc.assert(
      fc.property(vietQrPayload, (payload) => {
        expect(read(qrMatrix(payload))).toBe(payload);
      }),
      { numRuns: 60 },
    );
  });

  it('reads back text of every mode mix, UTF-8 included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789ABCZ :/$abcđươ€😀'), minLength: 1, maxLength: 300 }), (text) => {
        expect(read(qrMatrix(text))).toBe(text);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses what no version holds', () => {
    expect(() => qrMatrix('x'.repeat(2332))).toThrow(RangeError);
  });
});
