// Services other helpers are building in parallel, declared here with the signatures agreed in the brief, so
// that the dashboard's pages, forms and handlers are written for real. The lead replaces this file with
// re-exports at merge:
//   updateProviderAccount  → src/accounts/update.ts
import type { Env, Merchant } from '../env';
import type { ProviderAccount } from '../providers/types';

/** Present only in this placeholder: tests of the actions these services back run once it is replaced. */
export const PLACEHOLDER = true;

const pending = (): never => {
  throw new Error('wired at merge');
};

/** `PATCH /v1/provider-accounts/{id}`: new credentials, label or baseUrl; HttpError 404 / 422 with errors[]. */
export async function updateProviderAccount(
  _env: Env,
  _merchant: Merchant,
  _id: string,
  _patch: Record<string, string>,
): Promise<ProviderAccount> {
  return pending();
}
