import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeVietQr, encodeVietQr } from '../../../src/qr/vietqr';
import { withAmount } from '../../../src/qr/vietqr-amount';
import { encodableFields } from './arbitraries';

const decoded = (payload: string) => {
  const result = decodeVietQr(payload);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('withAmount', () => {
  it('changes the amount and nothing else: same account, content, every other tag; dynamic; valid CRC', () => {
    fc.assert(
      fc.property(encodableFields, fc.integer({ min: 1, max: 9_999_999_999_999 }), (fields, amount) => {
        const before = decoded(encodeVietQr(fields));
        const changed = withAmount(encodeVietQr(fields), amount);
        if (!changed.ok) throw new Error(changed.reason);
        const after = decoded(changed.payload);
        const { amount: _a, initMethod: _i, crc: _c, ...rest } = before;
        expect(after).toMatchObject({ ...rest, amount, initMethod: 'dynamic' });
        expect(changed.payload).toBe(encodeVietQr({ ...fields, amount, initMethod: 'dynamic' }));
      }),
    );
  });

  it('adds an amount to a static QR in tag order', () => {
    const plain = encodeVietQr({ bin: '970436', accountNumber: '1017595600', service: 'account', content: 'QR7K3M9XT' });
    const changed = withAmount(plain, 60_000);
    expect(changed).toEqual({
      ok: true,
      payload: encodeVietQr({ bin: '970436', accountNumber: '1017595600', service: 'account', content: 'QR7K3M9XT', amount: 60_000 }),
    });
  });

  it('refuses a payload with a wrong CRC or broken lengths, and amounts that cannot be encoded', () => {
    const payload = encodeVietQr({ bin: '970436', accountNumber: '1017595600', service: 'account', amount: 1 });
    expect(withAmount(`${payload.slice(0, -4)}0000`, 5).ok).toBe(false);
    expect(withAmount(payload.slice(0, 20), 5).ok).toBe(false);
    expect(withAmount(payload, 0).ok).toBe(false);
    expect(withAmount(payload, 10_000_000_000_000).ok).toBe(false);
  });
});
