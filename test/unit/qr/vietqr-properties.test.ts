import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16 } from '../../../src/qr/crc';
import { decodeVietQr, encodeVietQr, QrEncodeError, type VietQrFields } from '../../../src/qr/vietqr';
import { validVectors } from '../../fixtures/vietqr-vectors';
import { vietQrFields } from './arbitraries';

/** Encodes, or skips the case when the generated fields do not fit (tag 62 over 99 characters). */
function encodeOrSkip(fields: VietQrFields): string {
  try {
    return encodeVietQr(fields);
  } catch (error) {
    fc.pre(!(error instanceof QrEncodeError && /tag 62/.test(error.message)));
    throw error;
  }
}

const payloads = validVectors.map((v) => v.payload);
const withCrc = (payload: string) => `${payload.slice(0, -4)}${crc16(payload.slice(0, -4))}`;

/** A valid payload with one character replaced, deleted or inserted. */
const mutated = fc
  .record({
    payload: fc.constantFrom(...payloads),
    at: fc.nat(),
    kind: fc.constantFrom('replace', 'delete', 'insert'),
    char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  })
  .map(({ payload, at, kind, char }) => {
    const i = at % payload.length;
    if (kind === 'delete') return payload.slice(0, i) + payload.slice(i + 1);
    return payload.slice(0, i) + char + payload.slice(kind === 'replace' ? i + 1 : i);
  });

describe('VietQR codec properties', () => {
  it('decode(encode(fields)) gives the fields back', () => {
    fc.assert(
      fc.property(vietQrFields, (fields) => {
        const payload = encodeOrSkip(fields);
        const initMethod = fields.initMethod ?? (fields.amount === undefined ? 'static' : 'dynamic');
        const unreserved = fields.unreserved && Object.keys(fields.unreserved).length ? fields.unreserved : undefined;
        const expected = { ...fields, initMethod, unreserved, crc: payload.slice(-4), warnings: [] };
        if (!unreserved) delete expected.unreserved;
        expect(decodeVietQr(payload)).toEqual({ ok: true, value: expected });
      }),
      { numRuns: 300 },
    );
  });

  it('the decoder never throws, on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'0123456789ANQRV') })),
        (text) => {
          const decoded = decodeVietQr(text);
          expect(typeof decoded.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the decoder never throws on mutated payloads, with or without a repaired CRC', () => {
    fc.assert(
      fc.property(mutated, fc.boolean(), (payload, repair) => {
        const decoded = decodeVietQr(repair && payload.length > 4 ? withCrc(payload) : payload);
        if (!decoded.ok) expect(decoded.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('any one changed ASCII character before the CRC is caught', () => {
    fc.assert(
      fc.property(fc.constantFrom(...payloads), fc.nat(), fc.integer({ min: 32, max: 126 }), (payload, at, code) => {
        const i = at % (payload.length - 4);
        const char = String.fromCharCode(code);
        fc.pre(payload[i] !== char && payload.charCodeAt(i) < 128);
        expect(decodeVietQr(payload.slice(0, i) + char + payload.slice(i + 1)).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
