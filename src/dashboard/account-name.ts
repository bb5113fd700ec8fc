import type { ReceivingAccount } from '../providers/types';

/** How an account is named on the pages: its label, else its provider and receiving account number. */
export function accountName(account: { label: string | null; provider: string }, bank: ReceivingAccount | null): string {
  if (account.label) return account.label;
  return bank ? `${account.provider} · ${bank.shortName} ${bank.accountNumber}` : account.provider;
}
