import type { Merchant } from '../lib/app-env';
import { invalidInput, notFound, unprocessable } from '../lib/problem';
import { loadAccount } from '../providers/stored-account';
import { missingCredential, pullMode } from './capability';
import { type RunJson, runToJson } from './runs';

/**
 * `POST /v1/provider-accounts/{id}/reconcile`: starts a manual run of the merchant's account now (from
 * `since` when given) and answers it while it runs. 404 for an account that is deleted, unknown or
 * another merchant's; 422 when the provider has no pull API or the account lacks the credential its pull needs.
 */
export async function startReconciliation(
  env: Env,
  merchant: Merchant,
  accountId: string,
  since: string | undefined,
  origin: string | null,
): Promise<RunJson> {
  const account = await loadAccount(env, accountId, { merchantId: merchant.id });
  if (!account) throw notFound('No such provider account');
  const mode = pullMode(account.provider);
  if (!mode) {
    throw unprocessable(`${account.provider} accounts offer no pull API to reconcile with`, [
      {
        path: 'provider',
        message: `${account.provider} has no pull API; reconcile the bank-feed account that reports this account's transfers instead`,
      },
    ]);
  }
  const missing = missingCredential(account, mode);
  if (missing) {
    throw unprocessable(`Provider account ${account.id} has no ${missing}, which reconciliation needs`, [
      {
        path: missing,
        message: `Required to reconcile a ${account.provider} account: add it with PATCH /v1/provider-accounts/${account.id}`,
      },
    ]);
  }
  if (since !== undefined && Date.parse(since) > Date.now()) throw invalidInput([{ path: 'since', message: 'Must not be in the future' }]);
  const run = await env.RECONCILE_DO.get(env.RECONCILE_DO.idFromName(account.id)).start({
    accountId: account.id,
    merchantId: merchant.id,
    trigger: 'manual',
    since: since === undefined ? null : new Date(since).toISOString(),
    origin,
  });
  if (!run) throw new Error('a manual run was not queued');
  return runToJson(run);
}
