import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../../src/qr/matrix';
import { renderQrSvg } from '../../../src/qr/svg';
import { paintedModules } from '../../../src/qr/svg-path';
import { validVectors } from '../../fixtures/vietqr-vectors';

/** Dark modules of the encoder's matrix (checked against uqr in encoder.test.ts), as "x,y" keys. */
function darkModules(payload: string): { size: number; dark: Set<string> } {
  const { size, modules } = qrMatrix(payload);
  const dark = new Set<string>();
  for (let i = 0; i < modules.length; i++) if (modules[i]) dark.add(`${i % size},${Math.floor(i / size)}`);
  return { size, dark };
}

const attribute = (svg: string, element: string, name: string) => new RegExp(`<${element}[^>]* ${name}="([^"]*)"`).exec(svg)?.[1];

/** The modules the SVG's one path paints, read back from its path data and dash pattern. */
const painted = (svg: string) => paintedModules(attribute(svg, 'path', 'd')!, attribute(svg, 'path', 'stroke-dasharray')!);

const payloads = validVectors.map((v) => v.payload);
const anyText = fc.oneof(fc.string({ minLength: 1, maxLength: 400 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }));

describe('renderQrSvg', () => {
  it.each(payloads.slice(0, 8).map((p) => [p]))('paints exactly the dark modules of the matrix: %s', (payload) => {
    const svg = renderQrSvg(payload);
    const { size, dark } = darkModules(payload);
    expect(painted(svg)).toEqual(dark);
    expect(attribute(svg, 'svg', 'viewBox')).toBe(`-4 -4.5 ${size + 8} ${size + 8}`);
  });

  it('paints exactly the matrix’s modules for any text (all versions, every mode)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(painted(renderQrSvg(text))).toEqual(darkModules(text).dark);
      }),
      { numRuns: 60 },
    );
  });

  it('is one path of integer coordinates, crisp edges, sized in px and viewBox in modules', () => {
    const payload = payloads[0]!;
    const svg = renderQrSvg(payload, { size: 512, margin: 0 });
    const { size } = qrMatrix(payload);
    expect(svg.match(/<path/g)).toHaveLength(1);
    expect(attribute(svg, 'path', 'd')).toMatch(/^M0 0(h-?\d+v1)*h-?\d+$/);
    expect(attribute(svg, 'path', 'stroke-dasharray')).toMatch(/^\d+( \d+)*$/);
    expect(attribute(svg, 'path', 'stroke-dasharray')!.split(' ').length % 2).toBe(0);
    expect(attribute(svg, 'path', 'fill')).toBe('none');
    expect(attribute(svg, 'svg', 'width')).toBe('512');
    expect(attribute(svg, 'svg', 'height')).toBe('512');
    expect(attribute(svg, 'svg', 'shape-rendering')).toBe('crispEdges');
    expect(attribute(svg, 'svg', 'viewBox')).toBe(`0 -0.5 ${size} ${size}`);
  });

  it('draws the background unless it is "none", and refuses colours that could break the markup', () => {
    const payload = payloads[0]!;
    expect(attribute(renderQrSvg(payload, { dark: '#123456', light: 'ivory' }), 'rect', 'fill')).toBe('ivory');
    expect(attribute(renderQrSvg(payload, { dark: '#123456' }), 'path', 'stroke')).toBe('#123456');
    expect(renderQrSvg(payload, { light: 'none' })).not.toContain('<rect');
    expect(() => renderQrSvg(payload, { dark: '"/><script>' })).toThrow(RangeError);
    expect(() => renderQrSvg(payload, { size: 0 })).toThrow(RangeError);
    expect(() => renderQrSvg(payload, { margin: -1 })).toThrow(RangeError);
  });
});
