import { BANK_ROWS } from './bank-list';
import { foldDiacritics } from './text';

export interface Bank {
  bin: string;
  shortName: string;
  name: string;
}

const byBin = new Map<string, Bank>();
const byAlias = new Map<string, Bank>();

/** "Nam A Bank", "nam-a-bank" and "NAMABANK" are one alias. */
const aliasKey = (text: string) =>
  foldDiacritics(text)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

for (const [bin, shortName, name, ...aliases] of BANK_ROWS) {
  const bank: Bank = { bin: bin!, shortName: shortName!, name: name! };
  byBin.set(bank.bin, bank);
  for (const alias of [name!, ...aliases]) if (!byAlias.has(aliasKey(alias))) byAlias.set(aliasKey(alias), bank);
}
// Codes collide across directories (BVB); the NAPAS short name is the one that wins.
for (const bank of byBin.values()) byAlias.set(aliasKey(bank.shortName), bank);

export const bankByBin = (bin: string): Bank | null => byBin.get(bin) ?? null;

/** A BIN, or any short name or alias (case, spaces and diacritics ignored). */
export function resolveBank(input: string): Bank | null {
  const trimmed = input.trim();
  return byBin.get(trimmed) ?? byAlias.get(aliasKey(trimmed)) ?? null;
}

export const allBanks = (): Bank[] => [...byBin.values()];
