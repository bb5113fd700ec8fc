import type { ProviderAccount } from '../types';

/** A stored field of the account (secret or public, wherever its module keeps it), or null when unset. */
export function credential(account: ProviderAccount, key: string): string | null {
  const value = account.credentials[key] ?? account.config[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
