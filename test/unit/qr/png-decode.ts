// A small PNG decoder for tests, written from the PNG spec and independent of src/qr/png.ts: chunks with
// their CRC-32 checked, zlib by DecompressionStream, greyscale 1- and 8-bit, filter types 0–4.

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  /** One byte per pixel: 0 black … 255 white. */
  grey: Uint8Array;
}

function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

export async function decodePng(png: Uint8Array): Promise<DecodedPng> {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  let header: { width: number; height: number; bitDepth: number; colourType: number } | null = null;
  const idat: Uint8Array[] = [];
  const types: string[] = [];
  while (at < png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc(png.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) throw new Error(`bad CRC in ${type}`);
    types.push(type);
    if (type === 'IHDR')
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), bitDepth: data[8]!, colourType: data[9]! };
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (!header || types[0] !== 'IHDR' || types.at(-1) !== 'IEND') throw new Error(`chunks out of order: ${types.join(',')}`);
  if (header.colourType !== 0) throw new Error('only greyscale is decoded here');
  const inflated = new Uint8Array(
    await new Response(new Blob(idat).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer(),
  );
  const { width, height, bitDepth } = header;
  const stride = Math.ceil((width * bitDepth) / 8);
  if (inflated.length !== (stride + 1) * height)
    throw new Error(`image data is ${inflated.length} bytes, expected ${(stride + 1) * height}`);
  const grey = new Uint8Array(width * height);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = inflated[y * (stride + 1)]!;
    const line = inflated.slice(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const bpp = Math.max(1, bitDepth / 8);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0;
      const b = previous[i]!;
      const c = i >= bpp ? previous[i - bpp]! : 0;
      const add = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (add === undefined) throw new Error(`unknown filter ${filter}`);
      line[i] = (line[i]! + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      grey[y * width + x] = bitDepth === 8 ? line[x]! : (line[x >> 3]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
    previous = line;
  }
  return { ...header, grey };
}
