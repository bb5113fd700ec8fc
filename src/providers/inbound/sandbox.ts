import type { SandboxTransaction } from './types';

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** Providers that number their transactions send the id as a JSON number; keep that shape when we can. */
export const numericId = (tx: SandboxTransaction): number | string =>
  /^\d{1,15}$/.test(tx.providerTransactionId) ? Number(tx.providerTransactionId) : tx.providerTransactionId;

/** A bank-style reference (FT + 14 digits) for callbacks that carry one. */
export const bankReference = () => `FT${Array.from(crypto.getRandomValues(new Uint8Array(14)), (b) => b % 10).join('')}`;
