import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16 } from '../../../src/qr/crc';
import { formatTlv, parseTlv, serializeTlv } from '../../../src/qr/emv';

/** Bit by bit over TextEncoder's UTF-8: the definition, to check the table-driven version against. */
function referenceCrc(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

describe('crc16', () => {
  it('is CRC-16/CCITT-FALSE: check value of "123456789" is 29B1, zero-padded and uppercase', () => {
    expect(crc16('123456789')).toBe('29B1');
    expect(crc16('')).toBe('FFFF');
  });

  it('matches the bit-by-bit definition over UTF-8 for any text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(crc16(text)).toBe(referenceCrc(text));
      }),
      { numRuns: 500 },
    );
  });
});

const tlvField = fc.record({
  id: fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
  value: fc.string({ unit: 'binary', minLength: 1, maxLength: 99 }),
});

describe('EMV TLV', () => {
  it('parse(serialize(fields)) gives the fields back; lengths count characters', () => {
    fc.assert(
      fc.property(fc.array(tlvField, { maxLength: 8 }), (fields) => {
        expect(parseTlv(serializeTlv(fields))).toEqual({ ok: true, fields });
      }),
      { numRuns: 300 },
    );
  });

  it('names the tag whose length is wrong, with its nesting path', () => {
    expect(parseTlv('0002010105abc', '62.')).toEqual({
      ok: false,
      reason: 'tag 62.01 (after tag 62.00): declares 5 characters but only 3 remain in tag 62',
    });
    expect(parseTlv('00A1x')).toEqual({ ok: false, reason: 'tag 00: length "A1" is not 2 digits' });
    expect(parseTlv('0000')).toEqual({ ok: false, reason: 'tag 00: length 00 (an empty field must be left out, not encoded)' });
    expect(parseTlv('0001x01', '38.')).toEqual({
      ok: false,
      reason: 'tag 38: 2 stray character(s) "01" after tag 38.00; the declared lengths do not add up',
    });
    expect(parseTlv('0001xA100')).toEqual({
      ok: false,
      reason: 'the payload: expected a 2-digit tag ID at character 5 after tag 00, found "A1"',
    });
  });

  it('refuses to write a data object that cannot exist', () => {
    expect(() => formatTlv('00', '')).toThrow(RangeError);
    expect(() => formatTlv('00', 'x'.repeat(100))).toThrow(RangeError);
    expect(() => formatTlv('1', 'x')).toThrow(RangeError);
    expect(formatTlv('08', 'Tiền')).toBe('0804Tiền');
  });
});
