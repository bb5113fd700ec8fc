import { ProviderError } from './errors';
import type { ProviderAccount } from './types';

/**
 * One configured field of an account, wherever its module stored it (public config or secret
 * credentials): outbound code needs the value, not the storage decision.
 */
export function accountField(account: ProviderAccount, key: string): string {
  const value = account.credentials[key] ?? account.config[key];
  if (typeof value !== 'string' || value === '') {
    throw new ProviderError(account.provider, 'ACCOUNT_INCOMPLETE', `provider account ${account.id} has no ${key}`);
  }
  return value;
}
