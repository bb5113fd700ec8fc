import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { AppEnv } from './app-env';
import { type FieldError, invalidInput } from './problem';

/** zod issues as the contract's `errors[]`: a dotted path per field and a message. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      path: [...issue.path, ...(key === undefined ? [] : [key])].map(String).join('.') || '(body)',
      message: issue.code === 'unrecognized_keys' ? 'Unknown field' : issue.message,
    }));
  });
}

// hono's validation targets, named as a merchant reads them (the body is well-formed JSON by now: 400 is that check).
const TARGETS: Record<string, string> = { json: 'The request body', query: 'The query string', param: 'The path', header: 'A header' };

/** Every route's validation failure becomes one 422 problem (400 for a bad path or query is still 422: it is validation). */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    throw invalidInput(fieldErrors(result.error as z.ZodError), TARGETS[result.target] ?? 'The request');
  }
};
