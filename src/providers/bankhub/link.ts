import { z } from 'zod';
import { unprocessable } from '../../lib/problem';
import { ProviderRejection, readAnswer } from '../outbound';
import type { ProviderContext } from '../types';
import { type BankhubClient, bankhubCall } from './client';

// BankHub Link (where the merchant's customer picks and authorises a bank account). Only the sandbox
// host is documented; production is assumed to follow the same pattern.
const LINK_HOSTS = { test: 'https://dev.link.bankhub.dev', live: 'https://link.bankhub.dev' } as const;

const grantTokenAnswer = z.object({ grantToken: z.string().min(1) });
const exchangeAnswer = z.object({ accessToken: z.string().min(1), grantId: z.string().min(1) });

/** Steps 1–2: a single-use grant token (30 min) and the Link URL that carries it. */
export async function startLink(ctx: ProviderContext, client: BankhubClient, redirectUri: string, mode: 'test' | 'live') {
  const answer = await asInputError(
    bankhubCall(ctx, client, { op: 'grant-token', path: '/grant/token', body: { scopes: 'qrpay', language: 'vi', redirectUri } }),
  );
  const { grantToken } = readAnswer('bankhub', grantTokenAnswer, answer);
  const linkUrl = new URL(LINK_HOSTS[mode]);
  linkUrl.search = new URLSearchParams({ grantToken, redirectUri, iframe: 'false' }).toString();
  return { grantToken, linkUrl: linkUrl.toString() };
}

/**
 * Steps 3–4: exchange the public token for an access token and check the grant can take QR payments.
 * A grant whose identity BankHub refuses is removed at BankHub and answered 422 (nothing to keep).
 */
export async function exchangeForAccessToken(ctx: ProviderContext, client: BankhubClient, publicToken: string): Promise<string> {
  const exchanged = await asInputError(bankhubCall(ctx, client, { op: 'grant-exchange', path: '/grant/exchange', body: { publicToken } }));
  const { accessToken, grantId } = readAnswer('bankhub', exchangeAnswer, exchanged);
  try {
    await bankhubCall(ctx, client, { op: 'identity', method: 'GET', path: '/qr-pay/identity', accessToken });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    await bankhubCall(ctx, client, { op: 'grant-remove', path: '/grant/remove', body: { grantId } });
    throw unprocessable(`The linked BankHub grant cannot take QR payments (${error.code}: ${error.providerMessage}); it was removed`);
  }
  return accessToken;
}

const isRefusal = (error: unknown): error is ProviderRejection =>
  error instanceof ProviderRejection && error.providerStatus >= 400 && error.providerStatus < 500;

/** A 4xx from BankHub here means the merchant's clientId/secretKey/publicToken are wrong: 422, not 502. */
async function asInputError<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isRefusal(error)) throw unprocessable(`BankHub refused: ${error.code}: ${error.providerMessage}`);
    throw error;
  }
}
