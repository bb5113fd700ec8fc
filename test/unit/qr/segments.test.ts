import fc from 'fast-check';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { dataCodewords } from '../../../src/qr/codewords';
import { qrMatrix } from '../../../src/qr/matrix';
import { dataBits, optimalSegments, type Segment, type SegmentMode, segmentsBits, singleSegment } from '../../../src/qr/segments';
import { encodeVietQr } from '../../../src/qr/vietqr';
import { vietQrPayload } from './arbitraries';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const modesFor = (c: string): SegmentMode[] => [
  ...(/\d/.test(c) ? (['numeric'] as const) : []),
  ...(ALNUM.includes(c) ? (['alphanumeric'] as const) : []),
  'byte',
];

/** The fewest bits of any assignment of modes to characters, by trying every one (short texts only). */
function bruteForceBits(text: string, version: number): number {
  const chars = [...text];
  let best = Number.POSITIVE_INFINITY;
  const walk = (i: number, segments: Segment[]) => {
    if (i === chars.length) {
      best = Math.min(best, segmentsBits(segments, version));
      return;
    }
    for (const mode of modesFor(chars[i]!)) {
      const last = segments.at(-1);
      if (last?.mode === mode) walk(i + 1, [...segments.slice(0, -1), { mode, text: last.text + chars[i] }]);
      else walk(i + 1, [...segments, { mode, text: chars[i]! }]);
    }
  };
  walk(0, []);
  return best;
}

const mixed = fc.string({ unit: fc.constantFrom(...'0123456789ABCXYZ abcxyz:./é'), minLength: 1, maxLength: 9 });

describe('optimalSegments', () => {
  it('splits the text into segments that join back to it, each in a mode that can hold its characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (text, version) => {
        const segments = optimalSegments(text, version);
        expect(segments.map((s) => s.text).join('')).toBe(text);
        for (const { mode, text: part } of segments) {
          if (mode === 'numeric') expect(part).toMatch(/^\d+$/);
          if (mode === 'alphanumeric') expect([...part].every((c) => ALNUM.includes(c))).toBe(true);
        }
      }),
    );
  });

  it('takes exactly as many bits as the best of all mode assignments, at every version group', () => {
    fc.assert(
      fc.property(mixed, fc.constantFrom(1, 10, 27), (text, version) => {
        expect(segmentsBits(optimalSegments(text, version), version)).toBe(bruteForceBits(text, version));
      }),
      { numRuns: 150 },
    );
  });

  it('never takes more bits than one segment in the one mode that fits the whole text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(segmentsBits(optimalSegments(text, 1), 1)).toBeLessThanOrEqual(segmentsBits(singleSegment(text), 1));
      }),
    );
  });

  it('keeps a digit run numeric inside a lowercase payload (the mixed-case case that was version 8)', () => {
    const payload = encodeVietQr({
      bin: '970436',
      accountNumber: '1017595600',
      service: 'account',
      amount: 77000,
      content: 'Thanh toan don hang 1234',
    });
    const segments = optimalSegments(payload, 1);
    expect(segments.map((s) => s.mode)).toContain('numeric');
    expect(segments.map((s) => s.mode)).toContain('byte');
    expect(qrMatrix(payload).version).toBe(6);
  });

  it('counts data bits as the standard does: 10 per 3 digits, 11 per 2 alphanumerics, 8 per byte', () => {
    expect([1, 2, 3, 4].map((n) => dataBits('numeric', n, n))).toEqual([4, 7, 10, 14]);
    expect([1, 2, 3].map((n) => dataBits('alphanumeric', n, n))).toEqual([6, 11, 17]);
    expect(dataBits('byte', 1, 2)).toBe(16);
  });
});

describe('qrMatrix versions', () => {
  it('is never a larger version than the qrcode package reaches, for random VietQR payloads', () => {
    fc.assert(
      fc.property(vietQrPayload, (payload) => {
        expect(qrMatrix(payload).version).toBeLessThanOrEqual(QRCode.create(payload, { errorCorrectionLevel: 'M' }).version);
      }),
      // qrcode is slow in workerd (~0.2 s a payload on this machine); bench/qr.mjs runs 2,000 more in Node.
      { numRuns: 100 },
    );
  }, 120_000);

  it('is the smallest version the optimal segments fit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 600 }), (text) => {
        const { version } = qrMatrix(text);
        expect(segmentsBits(optimalSegments(text, version), version)).toBeLessThanOrEqual(dataCodewords(version) * 8);
        if (version > 1) {
          const below = version - 1;
          expect(segmentsBits(optimalSegments(text, below), below)).toBeGreaterThan(dataCodewords(below) * 8);
        }
      }),
      { numRuns: 80 },
    );
  });
});
