import { describe, expect, it } from 'vitest';
import { crc16 } from '../../../src/qr/crc';
import { decodeVietQr, encodeVietQr, QrEncodeError, type VietQrFields } from '../../../src/qr/vietqr';

const account: VietQrFields = { bin: '970436', accountNumber: '1017595600', service: 'account' };

function encodeError(fields: VietQrFields): QrEncodeError {
  try {
    encodeVietQr(fields);
  } catch (error) {
    if (error instanceof QrEncodeError) return error;
    throw error;
  }
  throw new Error('encoded');
}

/** A payload with a correct CRC around the given body (everything before 6304). */
const withCrc = (body: string) => `${body}6304${crc16(`${body}6304`)}`;
const BODY_38 = '38540010A00000072701240006970436011010175956000208QRIBFTTA';

describe('encodeVietQr', () => {
  it('folds Vietnamese diacritics in the content (đ → d)', () => {
    const payload = encodeVietQr({ ...account, amount: 10000, content: 'Đóng tiền điện' });
    expect(payload).toContain('62180814Dong tien dien6304');
  });

  it('defaults to dynamic with an amount and static without, unless told', () => {
    expect(encodeVietQr({ ...account, amount: 1 }).slice(6, 12)).toBe('010212');
    expect(encodeVietQr(account).slice(6, 12)).toBe('010211');
    expect(encodeVietQr({ ...account, amount: 1, initMethod: 'static' }).slice(6, 12)).toBe('010211');
  });

  it('leaves empty fields out', () => {
    expect(encodeVietQr({ ...account, content: '', billNumber: '' })).toBe(encodeVietQr(account));
  });

  it.each([
    ['content', { content: 'x'.repeat(26) }],
    ['content', { content: '付款' }],
    ['content', { content: 'tab\there' }],
    ['amount', { amount: 0 }],
    ['amount', { amount: 10.5 }],
    ['amount', { amount: 10_000_000_000_000 }],
    ['bin', { bin: '97043' }],
    ['accountNumber', { accountNumber: '12-34' }],
    ['accountNumber', { accountNumber: '12345678901234567890' }],
    ['service', { service: 'wallet' }],
    ['initMethod', { initMethod: 'sometimes' }],
    ['mcc', { mcc: '58' }],
    ['merchantCity', { merchantCity: 'Thanh pho Ho Chi Minh' }],
    ['consumerDataRequest', { consumerDataRequest: 'AA' }],
    ['unreserved.79', { unreserved: { '79': 'x' } }],
    ['unreserved.80', { unreserved: { '80': 'é' } }],
  ])('refuses what it cannot encode: %s', (field, change) => {
    const error = encodeError({ ...account, ...change } as VietQrFields);
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('refuses additional data over 99 characters, naming the field that overflowed', () => {
    const long = 'x'.repeat(25);
    const error = encodeError({ ...account, billNumber: long, storeLabel: long, referenceLabel: long, content: long });
    expect(error.field).toBe('content');
    expect(error.message).toMatch(/tag 62/);
  });
});

describe('decodeVietQr', () => {
  it('keeps tags a transfer does not use, by path', () => {
    const decoded = decodeVietQr(withCrc(`000201010211${BODY_38}53037045802VN62150705POS015002AB6404XY12`));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.value.otherTags).toEqual({ '62.50': 'AB', '64': 'XY12' });
    expect(decoded.value.terminalLabel).toBe('POS01');
  });

  it('accepts a lowercase CRC with a warning', () => {
    const payload = withCrc(`000201010211${BODY_38}53037045802VN`);
    const lower = `${payload.slice(0, -4)}${payload.slice(-4).toLowerCase()}`;
    if (lower === payload) return; // this CRC has no letters
    const decoded = decodeVietQr(lower);
    expect(decoded.ok && decoded.value.warnings).toEqual(['CRC is written in lowercase hex']);
  });

  it.each([
    ['a duplicate tag', `000201010211${BODY_38}530370453037045802VN`, /tag 53 appears twice/],
    ['a zero amount', `000201010212${BODY_38}5303704540105802VN`, /amount \(tag 54\) is zero/],
    ['a QRPUSH code', `00020101021138520010A00000072701240006970436011010175956000206QRPUSH53037045802VN`, /not a VietQR transfer code/],
    ['an empty field (length 00)', `000201010211${BODY_38}530370454005802VN`, /tag 54 .*length 00/],
    [
      'a VNPAY-QR code',
      '00020101021126280010A0000007750110010531314453037045802VN',
      /not a VietQR transfer code: no tag 38 .*; it has tag 26 with GUID A000000775/,
    ],
  ])('rejects %s', (_, body, reason) => {
    expect(decodeVietQr(withCrc(body))).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('counts characters, not bytes, in lengths (astral characters too)', () => {
    const decoded = decodeVietQr(withCrc(`000201010211${BODY_38}53037045802VN62060802😀x`));
    expect(decoded.ok && decoded.value.content).toBe('😀x');
  });

  it('rejects the empty string', () => {
    expect(decodeVietQr('').ok).toBe(false);
  });
});
