import { z } from '@hono/zod-openapi';
import { fromBase64Url, toBase64Url, utf8 } from '../crypto/encoding';
import { unprocessable } from '../lib/problem';

/** `?limit=&cursor=` of every list (CONTRACT §1); spread into a route's query schema. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: '1–100, default 20' }),
  cursor: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
};

/** The list envelope: `{data, nextCursor}`. */
export const pageSchema = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** Position after the last item of a page: its sort time and id (newest first, id breaks ties). */
export interface Cursor {
  time: string;
  id: string;
}

// Opaque to clients: base64url of a small JSON array, so its layout can change without breaking anyone.
export const encodeCursor = (cursor: Cursor) => toBase64Url(utf8(JSON.stringify([cursor.time, cursor.id])));

export function decodeCursor(text: string | undefined): Cursor | null {
  if (text === undefined || text === '') return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
    if (Array.isArray(value) && value.length === 2) {
      const [time, id] = value;
      if (typeof time === 'string' && typeof id === 'string') return { time, id };
    }
  } catch {
    // fall through to the 422
  }
  throw unprocessable('Invalid query', [{ path: 'cursor', message: 'Not a cursor returned by this list' }]);
}

/**
 * SQL condition "strictly after the cursor" for a list ordered by `timeColumn DESC, idColumn DESC`,
 * plus its parameters ("1 = 1" on the first page).
 */
export function afterCursor(cursor: Cursor | null, timeColumn: string, idColumn = 'id'): { sql: string; params: string[] } {
  if (!cursor) return { sql: '1 = 1', params: [] };
  return { sql: `(${timeColumn}, ${idColumn}) < (?, ?)`, params: [cursor.time, cursor.id] };
}

/**
 * Rows were fetched with `LIMIT limit + 1`: the extra row only tells that another page exists.
 * `position` gives each row's cursor fields.
 */
export function toPage<Row, Item>(rows: Row[], limit: number, position: (row: Row) => Cursor, map: (row: Row) => Item) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null,
  };
}
