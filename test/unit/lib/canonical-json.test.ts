import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/lib/canonical-json';

// Reorders every object's keys (deterministically from the seed) and re-serialises with some whitespace.
function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => reordered(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rotated = entries
    .slice(seed % (entries.length || 1))
    .concat(entries.slice(0, seed % (entries.length || 1)))
    .reverse();
  return Object.fromEntries(rotated.map(([k, v]) => [k, reordered(v, seed + 1)]));
}

describe('canonicalJson', () => {
  it('the same value in any key order and spacing gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(50), (value, seed) => {
        const a = JSON.stringify(value);
        const b = JSON.stringify(reordered(value, seed), null, seed % 3);
        expect(canonicalJson(b)).toBe(canonicalJson(a));
      }),
    );
  });

  it('keeps the value: parsing the canonical text gives back what was sent; a changed value changes the text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const sent = JSON.stringify(value);
        expect(JSON.parse(canonicalJson(sent))).toEqual(JSON.parse(sent));
      }),
    );
    expect(canonicalJson('{"amount":1000}')).not.toBe(canonicalJson('{"amount":1001}'));
    expect(canonicalJson('[1,2]')).not.toBe(canonicalJson('[2,1]'));
    expect(canonicalJson('{"c":2,"b":{"z":1,"y":[{"q":1,"p":2}]}}')).toBe('{"b":{"y":[{"p":2,"q":1}],"z":1},"c":2}');
  });

  it('an empty body stays empty', () => {
    expect(canonicalJson('')).toBe('');
    expect(canonicalJson('  ')).toBe('');
  });
});
