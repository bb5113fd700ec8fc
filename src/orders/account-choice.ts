import { qrAccountIds } from '../db/provider-accounts';
import { unprocessable } from '../lib/problem';
import { liveAccount } from '../providers/account-cache';
import { getProvider } from '../providers/registry';
import type { ProviderAccount, ProviderModule } from '../providers/types';

const invalid = (message: string) => unprocessable(message, [{ path: 'providerAccountId', message }]);

/** The account an order is created on: the one named, or the merchant's only QR-creating account. */
export async function chooseAccount(env: Env, merchantId: string, providerAccountId: string | undefined) {
  let id = providerAccountId;
  if (id === undefined) {
    const candidates = await qrAccountIds(env, merchantId);
    if (candidates.length === 0) throw invalid('No provider account that creates QR codes: create one first');
    if (candidates.length > 1) throw invalid('Several provider accounts create QR codes: say which one with providerAccountId');
    id = candidates[0];
  }
  const account = id === undefined ? null : await liveAccount(env, id, { merchantId });
  if (!account) throw invalid('No such provider account');
  return { account, createQr: qrCreator(account) };
}

function qrCreator(account: ProviderAccount): NonNullable<ProviderModule['createQr']> {
  const module = getProvider(account.provider);
  if (!module?.createsQr) throw invalid(`A ${account.provider} account receives payments only; it cannot create QR codes`);
  if (!module.createQr) throw invalid(`Creating QR codes through ${account.provider} is not available yet`);
  return module.createQr.bind(module);
}
