/**
 * A fresh payOS orderCode: a positive integer of up to 53 random bits, so it stays exact as a JS
 * number (payOS requires ≤ 2^53 − 1) and collisions are negligible without a counter.
 */
export function randomOrderCode(): number {
  for (;;) {
    const [high = 0, low = 0] = crypto.getRandomValues(new Uint32Array(2));
    const code = (high & 0x1fffff) * 2 ** 32 + low;
    if (code > 0) return code;
  }
}
