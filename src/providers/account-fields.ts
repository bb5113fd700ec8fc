import { z } from '@hono/zod-openapi';
import { resolveBank } from '../qr/banks';
import type { ProviderAccount, ReceivingAccount } from './types';

// Field schemas shared by the providers' account bodies (CONTRACT §3).

/** A secret or identifier issued by a provider: opaque text. */
export const credential = () => z.string().min(1).max(500);

/**
 * A secret that authenticates callbacks to us (each provider's module says which of its fields are):
 * at least 16 characters (CONTRACT §3), since whoever guesses it can pay orders.
 */
export const callbackSecret = () =>
  z.string().min(16, 'Expected at least 16 characters: this secret authenticates callbacks to us').max(500);

/** A receiving account number as banks print it (EMV allows 19 characters). */
export const accountNumber = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,19}$/, 'Expected 1–19 letters or digits');

export const accountName = () => z.string().trim().min(1).max(70);

/** `bank` as a BIN ("970436") or a short name ("VCB"); must be a bank of the VietQR directory. */
export const bank = () =>
  z
    .string()
    .trim()
    .min(1)
    .refine((value) => resolveBank(value) !== null, 'Unknown bank: expected a BIN like "970436" or a short name like "VCB"')
    .openapi({ example: 'VCB' });

/** The stored config of a receiving bank account: the BIN resolved once, at creation. */
export function bankAccountConfig(input: { bank: string; accountNumber: string; accountName: string }): Record<string, string> {
  const resolved = resolveBank(input.bank);
  if (!resolved) throw new Error(`bank ${input.bank} passed validation but does not resolve`);
  return { bin: resolved.bin, accountNumber: input.accountNumber, accountName: input.accountName };
}

/** The receiving account a bankAccountConfig names (direct, Casso, SePay). */
export const bankAccountReceiving = (account: ProviderAccount) =>
  receivingAccount(account.config.bin, account.config.accountNumber, account.config.accountName);

/** `/hooks/<provider>/<paId>` under the public origin. */
export const hookUrl = (origin: string, provider: string, accountId: string) => `${origin}/hooks/${provider}/${accountId}`;

/** The receiving account of a stored config: `bank` is resolved through the VietQR directory. */
export function receivingAccount(
  bankText: string | undefined,
  number: string | undefined,
  name: string | undefined,
): ReceivingAccount | null {
  const resolved = bankText ? resolveBank(bankText) : null;
  if (!resolved || !number) return null;
  return { bin: resolved.bin, shortName: resolved.shortName, accountNumber: number, accountName: name || null };
}

/**
 * A validated PATCH applied to an account's stored fields: each given field replaces its old value, in
 * config when it is one of `configKeys` (public identifiers such as a client id), else in credentials.
 */
export function patchFields(
  account: ProviderAccount,
  input: Record<string, string | undefined>,
  configKeys: readonly string[] = [],
): { config: Record<string, string>; credentials: Record<string, string> } {
  const config = { ...account.config };
  const credentials = { ...account.credentials };
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (configKeys.includes(key) ? config : credentials)[key] = value;
  }
  return { config, credentials };
}
