import { z } from '@hono/zod-openapi';

/** `X | null` that generators read as such (zod's `.nullable()` on a named schema can lose the null). */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

/** An ISO 8601 UTC instant, e.g. `2026-11-21T10:00:00.000Z`. */
export const isoTime = (description?: string) =>
  z.string().openapi({ format: 'date-time', example: '2026-11-21T10:00:00.000Z', ...(description ? { description } : {}) });
