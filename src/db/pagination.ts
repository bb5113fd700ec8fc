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

/** A condition of a list query: SQL with `?` placeholders, and their values. */
export interface Condition {
  sql: string;
  params: (string | number)[];
}

/** `column = ?` when the filter has a value; nothing otherwise. */
export const equals = (column: string, value: string | number | undefined): Condition | null =>
  value === undefined || value === '' ? null : { sql: `${column} = ?`, params: [value] };

/**
 * One page of `table`'s rows that meet every condition, newest first by `timeColumn` (id breaks ties), after the
 * cursor: `limit + 1` rows (see toPage). Every list of the API reads through this one query shape.
 */
export async function newestFirst<Row>(
  env: Env,
  table: string,
  conditions: (Condition | null)[],
  timeColumn: string,
  cursor: Cursor | null,
  limit: number,
): Promise<Row[]> {
  const parts = [...conditions.filter((c) => c !== null), afterCursor(cursor, timeColumn)];
  const { results } = await env.DB.prepare(
    `SELECT * FROM ${table} WHERE ${parts.map((part) => part.sql).join(' AND ')} ORDER BY ${timeColumn} DESC, id DESC LIMIT ?`,
  )
    .bind(...parts.flatMap((part) => part.params), limit + 1)
    .all<Row>();
  return results;
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
