// Reed–Solomon error correction over GF(2^8) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D).

const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;

const multiply = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

/** Generator polynomials by degree, highest coefficient (always 1) left out; each built once. */
const divisors = new Map<number, Uint8Array>();

function divisor(degree: number): Uint8Array {
  const cached = divisors.get(degree);
  if (cached) return cached;
  // (x - α^0)(x - α^1)…(x - α^(degree-1)), coefficients from the highest power down.
  const result = new Uint8Array(degree);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = multiply(result[j]!, root) ^ (j + 1 < degree ? result[j + 1]! : 0);
    }
    root = multiply(root, 2);
  }
  divisors.set(degree, result);
  return result;
}

/** The `degree` error-correction codewords of one block of data codewords. */
export function reedSolomon(data: Uint8Array, degree: number): Uint8Array {
  const gen = divisor(degree);
  const logGen = Uint8Array.from(gen, (c) => LOG[c]!);
  const rem = new Uint8Array(degree);
  for (const byte of data) {
    const factor = byte ^ rem[0]!;
    rem.copyWithin(0, 1);
    rem[degree - 1] = 0;
    if (factor === 0) continue;
    const logFactor = LOG[factor]!;
    for (let i = 0; i < degree; i++) if (gen[i] !== 0) rem[i]! ^= EXP[logGen[i]! + logFactor]!;
  }
  return rem;
}
