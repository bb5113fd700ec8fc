import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../../src/qr/matrix';
import { encodeQrPng, renderQrPng } from '../../../src/qr/png';
import { renderQrSvg } from '../../../src/qr/svg';
import { paintedModules } from '../../../src/qr/svg-path';
import { encodeVietQr } from '../../../src/qr/vietqr';
import { decodePng } from '../../fixtures/png-decode';
import { vietQrPayload } from './arbitraries';

const attribute = (svg: string, element: string, name: string) => new RegExp(`<${element}[^>]* ${name}="([^"]*)"`).exec(svg)?.[1];

/** The dark modules the SVG paints ("x,y"), read back from its one path. */
function svgModules(svg: string): Set<string> {
  return paintedModules(attribute(svg, 'path', 'd')!, attribute(svg, 'path', 'stroke-dasharray')!);
}

/** The dark modules of a decoded PNG, sampled at the centre of each module, and whether the quiet zone is white. */
function pngModules(png: { width: number; grey: Uint8Array }, modules: number, margin: number) {
  const box = modules + 2 * margin;
  const px = (module: number) => Math.floor(((module + margin + 0.5) * png.width) / box);
  const dark = new Set<string>();
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) if (png.grey[px(y) * png.width + px(x)] === 0) dark.add(`${x},${y}`);
  }
  let quietDark = 0;
  const edge = Math.floor((margin * png.width) / box);
  for (let y = 0; y < png.width; y++) {
    for (let x = 0; x < png.width; x++) {
      const inside = x >= edge && y >= edge && x < png.width - edge && y < png.width - edge;
      if (!inside && png.grey[y * png.width + x] === 0) quietDark++;
    }
  }
  return { dark, quietDark };
}

const ORDER = encodeVietQr({ bin: '970436', accountNumber: '1017595600', service: 'account', amount: 77000, content: 'QR7K3M9XT' });

describe('renderQrPng', () => {
  it('is a 1-bit greyscale PNG of size × size px with valid chunks', async () => {
    const png = await decodePng(await renderQrPng(ORDER));
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([320, 320, 1, 0]);
    const big = await decodePng(await renderQrPng(ORDER, { size: 2048, margin: 16 }));
    expect([big.width, big.height]).toEqual([2048, 2048]);
  });

  it('shows module for module the grid the SVG paints, with a white quiet zone, at any size and margin', async () => {
    await fc.assert(
      fc.asyncProperty(vietQrPayload, fc.integer({ min: 200, max: 900 }), fc.integer({ min: 0, max: 8 }), async (payload, size, margin) => {
        const modules = qrMatrix(payload).size;
        const png = await decodePng(await renderQrPng(payload, { size, margin }));
        const read = pngModules(png, modules, margin);
        expect(read.dark).toEqual(svgModules(renderQrSvg(payload, { size, margin })));
        expect(read.quietDark).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it('renders the same bytes for the same input, and refuses sizes it cannot draw', async () => {
    expect(await renderQrPng(ORDER, { size: 300 })).toEqual(await renderQrPng(ORDER, { size: 300 }));
    await expect(encodeQrPng(qrMatrix(ORDER), 0, 4)).rejects.toThrow(RangeError);
    await expect(encodeQrPng(qrMatrix(ORDER), 320, -1)).rejects.toThrow(RangeError);
  });

  it('is small: well under a kilobyte for an order QR at 320 px', async () => {
    expect((await renderQrPng(ORDER)).length).toBeLessThan(1024);
  });
});
