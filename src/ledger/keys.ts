/**
 * Which ledger a transfer belongs to: one per (merchant, receiving account number). A report that names
 * no account, of a provider account that names none either, goes to that provider account's own ledger.
 */
export const normalizeAccountNumber = (value: string | null | undefined): string | null => {
  const normalized = (value ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return normalized === '' ? null : normalized;
};

export function ledgerName(merchantId: string, accountNumber: string | null, providerAccountId: string): string {
  const number = normalizeAccountNumber(accountNumber);
  return number ? `${merchantId}:${number}` : `${merchantId}:pa-${providerAccountId}`;
}

/** The ledger an order registers in: the account its QR names. */
export const orderLedgerName = (merchantId: string, qrAccountNumber: string, providerAccountId: string) =>
  ledgerName(merchantId, qrAccountNumber, providerAccountId);
