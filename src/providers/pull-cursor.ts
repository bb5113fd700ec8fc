import type { z } from 'zod';

/**
 * A listing pull's stored cursor (JSON of the provider's own shape), or null when there is none or it is not
 * one this code wrote (an older layout, a corrupt row): the pull then starts over at the run's `since`.
 */
export function readCursor<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
