import { seal } from '../crypto/secret-box';
import { accountRow, updateAccount } from '../db/provider-accounts';
import { conflict, invalidInput, notFound } from '../lib/problem';
import { fieldErrors } from '../lib/validation';
import { invalidateAccount } from '../providers/account-cache';
import { assertBaseUrlAllowed } from '../providers/base-url';
import { accountPatchSchema, getProvider } from '../providers/registry';
import { toAccount } from '../providers/stored-account';
import type { ProviderAccount, ProviderName } from '../providers/types';

const NOT_FOUND = 'No such provider account';
// Two PATCHes of one account racing: the loser reads the winner's result and applies itself on top.
const ATTEMPTS = 3;

/**
 * `PATCH /v1/provider-accounts/{id}` (CONTRACT §3): label, baseUrl and the provider's credential fields.
 * The body is checked against the account's own provider (strict: another provider's field is 422), the
 * baseUrl against the outbound URL policy, all before anything is written. New credentials replace the old
 * at once: the row is rewritten, then this isolate's cached copy is dropped (other isolates' copies expire
 * within seconds, see providers/account-cache.ts); VietQR bearer tokens are bound to the callback
 * credentials, so the old ones stop verifying with them.
 */
export async function updateProviderAccount(env: Env, merchantId: string, id: string, body: unknown): Promise<ProviderAccount> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const row = await accountRow(env, merchantId, id);
    const module = row ? getProvider(row.provider) : null;
    if (!row || !module) throw notFound(NOT_FOUND);
    const parsed = accountPatchSchema(row.provider as ProviderName).safeParse(body);
    if (!parsed.success) throw invalidInput(fieldErrors(parsed.error));
    const { label, baseUrl, ...fields } = parsed.data as { label?: string | null; baseUrl?: string | null } & Record<string, string>;
    assertBaseUrlAllowed(env, baseUrl);

    const current = await toAccount(env, row);
    const stored = module.patch(current, fields);
    const next: ProviderAccount = {
      ...current,
      ...stored,
      label: label === undefined ? current.label : label,
      baseUrl: baseUrl === undefined ? current.baseUrl : baseUrl,
    };
    const sealedCredentials = await seal(env.SECRETS_KEY, id, JSON.stringify(next.credentials));
    const written = await updateAccount(env, merchantId, id, row.credentials, {
      label: next.label,
      baseUrl: next.baseUrl,
      config: next.config,
      sealedCredentials,
    });
    if (written) {
      invalidateAccount(id);
      return next;
    }
  }
  throw conflict('The provider account changed while this request ran; try again');
}
