/** No 0/O or 1/I: a payer who types the code cannot confuse them. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** `QR` + 7 characters of [A-HJ-NP-Z2-9]: 32^7 ≈ 3.4·10^10 codes, uniform (256 is a multiple of 32). */
export function newPaymentCode(): string {
  const random = crypto.getRandomValues(new Uint8Array(7));
  let code = 'QR';
  for (const byte of random) code += ALPHABET[byte % ALPHABET.length];
  return code;
}
