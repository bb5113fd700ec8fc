import { describe, expect, it } from 'vitest';
import { decodeVietQr, encodeVietQr } from '../../../src/qr/vietqr';
import { invalidVectors, validVectors } from '../../fixtures/vietqr-vectors';

/** What each invalid vector's reason must mention: the tag, length or rule that is wrong. */
const REASONS: Record<string, RegExp> = {
  'bad-crc-last-digit': /CRC mismatch.*53E7.*53E6/,
  'bad-crc-zero': /CRC mismatch.*0000/,
  'crc-of-valid-payload-with-tampered-amount': /CRC mismatch/,
  'missing-crc': /no CRC/,
  'truncated-mid-value': /no CRC/,
  'root-length-overflow-valid-crc': /tag 21 \(after tag 58\): declares 50 characters/,
  'nested-38-length-mismatch-valid-crc': /tag 38\.20 \(after tag 38\.01\): length "8Q" is not 2 digits/,
  'non-numeric-length-valid-crc': /tag 53 .*length "O3" is not 2 digits/,
  'wrong-guid-valid-crc': /GUID \(38\.00\) is "A000000728"/,
  'missing-tag-38-valid-crc': /not a VietQR transfer code: no tag 38/,
  'non-numeric-amount-comma-valid-crc': /amount \(tag 54\) "10,000"/,
  'negative-amount-valid-crc': /amount \(tag 54\) "-5000"/,
  'wrong-currency-usd-valid-crc': /currency \(tag 53\) is "840"/,
  'payload-format-00-real-world': /payload format indicator \(tag 00\) is "00"/,
  'service-code-nested-in-beneficiary-real-world': /tag 38\.01 has an unexpected sub-ID 02/,
  'bin-5-digits-valid-crc': /bank BIN \(38\.01\.00\) "97041" must be 6 digits/,
  'init-method-13-valid-crc': /point of initiation method \(tag 01\) "13"/,
  'tag-00-not-first-valid-crc': /tag 00 .* must come first, found tag 01/,
  'real-world-redacted-readme-string': /CRC mismatch.*66E4.*9691/,
  'official-napas-6.1.1-example-nested-length-typo': /tag 38\.01: 1 stray character\(s\) "8" after tag 38\.01\.01/,
  'missing-country-valid-crc': /no country code \(tag 58\)/,
};

describe('VietQR vectors', () => {
  it.each(validVectors.filter((v) => !v.decodeOnly).map((v) => [v.name, v] as const))('encodes %s to exactly its payload', (_, vector) => {
    expect(encodeVietQr(vector.input)).toBe(vector.payload);
  });

  it.each(validVectors.map((v) => [v.name, v] as const))('decodes %s to its fields', (_, vector) => {
    const decoded = decodeVietQr(vector.payload);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.value).toMatchObject(vector.expected);
    expect(decoded.value.crc).toBe(vector.payload.slice(-4));
    expect(decoded.value.warnings.length > 0).toBe(Boolean(vector.warnings?.length));
  });

  it('every invalid vector has an expected reason here', () => {
    expect(Object.keys(REASONS).sort()).toEqual(invalidVectors.map((v) => v.name).sort());
  });

  it.each(invalidVectors.map((v) => [v.name, v] as const))('rejects %s, naming the reason', (name, vector) => {
    const decoded = decodeVietQr(vector.payload);
    expect(decoded).toEqual({ ok: false, reason: expect.stringMatching(REASONS[name]!) });
  });
});
