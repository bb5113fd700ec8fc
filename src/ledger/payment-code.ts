import { foldDiacritics } from '../qr/text';

/** The alphabet of payment codes: no 0/O, 1/I, so a payer can't mistype them. */
export const PAYMENT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const PAYMENT_CODE_PATTERN = /^QR[A-HJ-NP-Z2-9]{7}$/;

/** Transfer content as banks mangle it, brought to one form: uppercase, no diacritics, only A-Z0-9. */
export function normalizeContent(content: string): string {
  return foldDiacritics(content)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Every place a payment code could stand in the content, in order (overlapping windows). */
export function findPaymentCodes(content: string): string[] {
  const text = normalizeContent(content);
  const codes: string[] = [];
  for (let i = text.indexOf('QR'); i >= 0 && i + 9 <= text.length; i = text.indexOf('QR', i + 1)) {
    const candidate = text.slice(i, i + 9);
    if (PAYMENT_CODE_PATTERN.test(candidate) && !codes.includes(candidate)) codes.push(candidate);
  }
  return codes;
}
