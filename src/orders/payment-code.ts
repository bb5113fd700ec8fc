import { PAYMENT_CODE_ALPHABET } from '../ledger/payment-code';

/** `QR` + 7 characters of [A-HJ-NP-Z2-9] (the alphabet matching reads): 32^7 ≈ 3.4·10^10 codes, uniform (256 is a multiple of 32). */
export function newPaymentCode(): string {
  const random = crypto.getRandomValues(new Uint8Array(7));
  let code = 'QR';
  for (const byte of random) code += PAYMENT_CODE_ALPHABET[byte % PAYMENT_CODE_ALPHABET.length];
  return code;
}
