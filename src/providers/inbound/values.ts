import type { Transaction } from '../types';

// Providers drift between numbers and strings, "" and null: these read one field into the shape a Transaction needs.

// Every reader is total: whatever a provider sends, it returns a value or null, and never throws.

/** Longer than any provider's transaction id (UUIDs, 32 hex digits, FT + 14 digits): a longer one is not an id. */
export const MAX_ID_LENGTH = 128;

/** The largest amount a transfer may carry (CONTRACT §6): 10^13 VND, well above any bank's limit. */
export const MAX_VND = 10 ** 13;

/** A provider transaction id: a non-empty string of at most 128 characters, or a non-negative integer kept as its decimal string. */
export function transactionId(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' || value.length > MAX_ID_LENGTH ? null : value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

/**
 * Integer VND from a number (25000 or 25000.0 both parse to 25000) or a numeric string; null for anything
 * else: a fraction, NaN, an infinity, or more than 10^13. Zero and negative amounts are returned as they are:
 * they are "not incoming money", which the caller acknowledges and ignores.
 */
export function vnd(value: unknown): number | null {
  let amount = Number.NaN;
  if (typeof value === 'number') amount = value;
  else if (typeof value === 'string' && /^-?\d{1,15}(\.0+)?$/.test(value.trim())) amount = Number.parseInt(value, 10);
  if (!Number.isInteger(amount) || amount > MAX_VND) return null;
  return amount === 0 ? 0 : amount; // -0 is 0
}

/** Free text; absent becomes "" (a transfer may carry no content). */
export const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** Optional text: "", null and absent are all "not given". */
export function optional(value: unknown): string | null {
  const read = text(value).trim();
  return read === '' ? null : read;
}

export function counterAccount(bankBin: unknown, accountNumber: unknown, name: unknown): Transaction['counterAccount'] {
  const account = { bankBin: optional(bankBin), accountNumber: optional(accountNumber), name: optional(name) };
  return account.bankBin || account.accountNumber || account.name ? account : null;
}
