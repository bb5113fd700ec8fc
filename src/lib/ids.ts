// Type-prefixed ids with 128 random bits (the contract asks for at least 96), base32 (Crockford, lowercase).
// A primitive every layer uses (rows, ledger records, request ids), so it lives at the bottom.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'mer' | 'key' | 'pa' | 'ord' | 'pay' | 'evt' | 'ep' | 'att' | 'dlv' | 'req' | 'rec';

export function randomToken(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of random) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export const newId = (prefix: IdPrefix) => `${prefix}_${randomToken(16)}`;
