import type { Transaction } from '../types';

// Providers drift between numbers and strings, "" and null: these read one field into the shape a Transaction needs.

/** A provider transaction id: a non-empty string, or a non-negative integer kept as its decimal string. */
export function transactionId(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

/** Integer VND from a number (25000 or 25000.0 both parse to 25000) or a numeric string; null otherwise. */
export function vnd(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^-?\d{1,15}(\.0+)?$/.test(value.trim())) return Number.parseInt(value, 10);
  return null;
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
