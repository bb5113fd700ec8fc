// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, xorout 0) over the UTF-8 bytes of the text.
const TABLE = new Int32Array(256);
for (let byte = 0; byte < 256; byte++) {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
  TABLE[byte] = crc & 0xffff;
}
/** Two bytes per step ("slicing by 2"): the CRC is linear, so the first byte's effect is tabled too. */
const PAIR = TABLE.map((entry) => ((entry << 8) ^ TABLE[entry >>> 8]!) & 0xffff);

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).toUpperCase().padStart(2, '0'));

const encoder = new TextEncoder();
/** Reused between calls (a UTF-16 unit is at most 3 UTF-8 bytes): hashing a payload allocates nothing. */
let bytes = new Uint8Array(1024);

/** 4 uppercase hex digits. Lone surrogates count as U+FFFD, as TextEncoder writes them. */
export function crc16(text: string): string {
  if (text.length * 3 > bytes.length) bytes = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, bytes);
  let crc = 0xffff;
  let i = 0;
  for (; i + 1 < written; i += 2) crc = PAIR[(crc >>> 8) ^ bytes[i]!]! ^ TABLE[(crc & 0xff) ^ bytes[i + 1]!]!;
  if (i < written) crc = ((crc << 8) ^ TABLE[(crc >>> 8) ^ bytes[i]!]!) & 0xffff;
  return HEX[crc >>> 8]! + HEX[crc & 0xff]!;
}
