import fc from 'fast-check';
import { encodeVietQr, type VietQrFields } from '../../../src/qr/vietqr';

// Generators of encodable VietQR fields: printable ASCII within each tag's limit.

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const ALNUM = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];

export const printable = (maxLength: number) => fc.string({ unit: fc.constantFrom(...PRINTABLE), minLength: 1, maxLength });
const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

export const vietQrFields: fc.Arbitrary<VietQrFields> = fc.record(
  {
    bin: digits(6),
    accountNumber: fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 19 }),
    service: fc.constantFrom('account' as const, 'card' as const),
    initMethod: fc.constantFrom('static' as const, 'dynamic' as const),
    amount: fc.integer({ min: 1, max: 9_999_999_999_999 }),
    content: printable(25),
    billNumber: printable(25),
    mobileNumber: printable(25),
    storeLabel: printable(25),
    loyaltyNumber: printable(25),
    referenceLabel: printable(25),
    customerLabel: printable(25),
    terminalLabel: printable(25),
    consumerDataRequest: fc.shuffledSubarray(['A', 'M', 'E'], { minLength: 1 }).map((letters) => letters.join('')),
    mcc: digits(4),
    merchantName: printable(25),
    merchantCity: printable(15),
    postalCode: printable(10),
    unreserved: fc.dictionary(fc.integer({ min: 80, max: 99 }).map(String), printable(40), { maxKeys: 3 }),
  },
  { requiredKeys: ['bin', 'accountNumber', 'service'] },
);

const encodes = (fields: VietQrFields) => {
  try {
    encodeVietQr(fields);
    return true;
  } catch {
    return false;
  }
};

/** Fields that encode (tag 62 can overflow 99 characters when every 62.xx is long). */
export const encodableFields: fc.Arbitrary<VietQrFields> = vietQrFields.filter(encodes);

/** Random valid VietQR payloads. */
export const vietQrPayload: fc.Arbitrary<string> = encodableFields.map((fields) => encodeVietQr(fields));
