import { ProviderRejection } from '../outbound';
import type { ProviderAccount, ProviderContext } from '../types';
import { issueToken, type VietqrClient } from './client';
import { cachedToken, forgetToken } from './token-cache';

/** A token VietQR refuses: 401 from its gateway (each endpoint may add its own codes). */
export const tokenRefusedBy401 = (error: unknown) => error instanceof ProviderRejection && error.providerStatus === 401;

/** Runs `call` with the account's cached token; a token VietQR refuses is replaced once. */
export async function withToken<T>(
  ctx: ProviderContext,
  account: ProviderAccount,
  client: VietqrClient,
  call: (token: string) => Promise<T>,
  refused: (error: unknown) => boolean = tokenRefusedBy401,
): Promise<T> {
  // Keyed by the credentials too: after a PATCH rotates them, the token issued under the old ones is not reused.
  const key = `${account.id}|${client.baseUrl}|${client.username}|${client.password}`;
  const token = await cachedToken(key, ctx.now, () => issueToken(ctx, client));
  try {
    return await call(token);
  } catch (error) {
    if (!refused(error)) throw error;
    forgetToken(key, token);
    return call(await cachedToken(key, ctx.now, () => issueToken(ctx, client)));
  }
}
