import { z } from '@hono/zod-openapi';
import { resolveBank } from '../qr/banks';
import type { ReceivingAccount } from './types';

// Field schemas shared by the providers' account bodies (CONTRACT §3).

/** A secret or identifier issued by a provider: opaque text. */
export const credential = () => z.string().min(1).max(500);

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
