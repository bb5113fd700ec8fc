import type { z } from 'zod';
import vi from 'zod/v4/locales/vi.js';
import { HttpError } from '../lib/problem';
import { type FormFields, field } from './csrf';
import type { Lang } from './i18n';

/** A form's field errors by field name (a dotted path, as the API's `errors[].path`). */
export type FieldErrors = Record<string, string>;

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

// zod's own Vietnamese messages for its built-in checks; a schema's custom message stays as its author wrote it.
const vietnamese = vi().localeError;

/** Validates form input with the same zod schema as the API, messages in the page's language. */
export function check<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): Checked<z.infer<S>> {
  const result = schema.safeParse(input, lang === 'vi' ? { error: vietnamese } : undefined);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      const path = [...issue.path, ...(key === undefined ? [] : [key])].map(String).join('.') || '(form)';
      errors[path] ??= issue.message;
    }
  }
  return { ok: false, errors };
}

/**
 * A service's 422 (the same `errors[]` the API answers) as field errors; any other error is not a form
 * problem and is thrown on.
 */
export function serviceErrors(error: unknown): FieldErrors {
  if (!(error instanceof HttpError) || error.status !== 422) throw error;
  const errors: FieldErrors = {};
  for (const item of error.errors ?? [{ path: '(form)', message: error.detail }]) errors[item.path] ??= item.message;
  return errors;
}

/** An amount as people type it: `50000`, `50.000`, `50 000`, `50,000 ₫`. Anything else is left for zod to refuse. */
export function amountField(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const digits = trimmed.replace(/[\s.,_]|₫|đ|vnd/gi, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : trimmed;
}

/** A text field: absent when left empty, so optional fields stay optional and required ones say so. */
export function textField(form: FormFields, name: string): string | undefined {
  const value = field(form, name);
  return value.trim() === '' ? undefined : value;
}

/** Every field of a form that a schema's object shape names (text fields; empty ones left out). */
export function textFields(form: FormFields, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = textField(form, name);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
