import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, toPage } from '../../../src/db/pagination';
import { HttpError } from '../../../src/lib/problem';

describe('cursor codec', () => {
  it('decodes what it encodes, for any time and id', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (time, id) => {
        expect(decodeCursor(encodeCursor({ time, id }))).toEqual({ time, id });
      }),
    );
  });

  it('is URL-safe', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (time, id) => {
        expect(encodeCursor({ time, id })).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
    );
  });

  it('no cursor is the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it('anything else is a 422 naming cursor', () => {
    for (const bad of ['garbage', '!!!', encodeCursor({ time: 'a', id: 'b' }).slice(0, -3), btoa('{"a":1}'), btoa('[1,2]')]) {
      let error: unknown;
      try {
        decodeCursor(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error, bad).toBeInstanceOf(HttpError);
      expect((error as HttpError).status).toBe(422);
      expect((error as HttpError).errors?.[0]?.path).toBe('cursor');
    }
  });
});

describe('toPage', () => {
  const row = (n: number) => ({ t: `2026-01-01T00:00:${String(n).padStart(2, '0')}.000Z`, id: `x${n}` });
  const position = (r: { t: string; id: string }) => ({ time: r.t, id: r.id });

  it('a page with an extra row has a cursor at its last item; a short page has none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 25 }), (limit, count) => {
        const rows = Array.from({ length: Math.min(count, limit + 1) }, (_, i) => row(i));
        const page = toPage(rows, limit, position, (r) => r.id);
        expect(page.data).toEqual(rows.slice(0, limit).map((r) => r.id));
        if (rows.length > limit) expect(decodeCursor(page.nextCursor ?? undefined)).toEqual(position(rows[limit - 1]!));
        else expect(page.nextCursor).toBeNull();
      }),
    );
  });
});
