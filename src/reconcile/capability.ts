import { getProvider } from '../providers/registry';
import type { ListingPull, ProviderAccount, ProviderName, StatusCheck } from '../providers/types';

export type PullMode = { kind: 'listing'; pull: ListingPull } | { kind: 'status'; status: StatusCheck };

/** How an account's provider is reconciled, or null when it offers no pull API (direct). */
export function pullMode(provider: string): PullMode | null {
  const module = getProvider(provider);
  if (module?.pull) return { kind: 'listing', pull: module.pull };
  if (module?.status) return { kind: 'status', status: module.status };
  return null;
}

/** The credential field the account's pull needs and does not have (its module's `needs`), or null. */
export function missingCredential(account: ProviderAccount, mode: PullMode): string | null {
  if (mode.kind !== 'listing') return null;
  return mode.pull.needs.find((field) => !account.credentials[field] && !account.config[field]) ?? null;
}

export const intervalOf = (mode: PullMode) => (mode.kind === 'listing' ? mode.pull.intervalMs : mode.status.intervalMs);

/** Providers by how they are reconciled (for the schedule's one query). */
export function pullingProviders(names: readonly ProviderName[]): { listing: ProviderName[]; status: ProviderName[] } {
  const listing: ProviderName[] = [];
  const status: ProviderName[] = [];
  for (const name of names) {
    const mode = pullMode(name);
    if (mode?.kind === 'listing') listing.push(name);
    else if (mode?.kind === 'status') status.push(name);
  }
  return { listing, status };
}
