import { softDeleteAccount } from '../db/provider-accounts';
import { notFound } from '../lib/problem';
import { invalidateAccount } from '../providers/account-cache';

/**
 * `DELETE /v1/provider-accounts/{id}` (CONTRACT §3): the row stays (its orders keep their history), and its
 * callback URLs answer 401 from now on: here at once, in other isolates once their cached copy expires.
 */
export async function deleteProviderAccount(env: Env, merchantId: string, id: string): Promise<void> {
  if (!(await softDeleteAccount(env, merchantId, id))) throw notFound('No such provider account');
  invalidateAccount(id);
}
