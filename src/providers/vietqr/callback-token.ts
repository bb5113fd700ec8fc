import { timingSafeEqual } from '../../crypto/compare';
import { fromBase64, toBase64Url, utf8 } from '../../crypto/encoding';
import { hmac } from '../../crypto/hmac';

/**
 * The bearer token our token_generate hands VietQR (PROVIDERS.md B4): `<expiry s>.<nonce>.<mac>`, where
 * mac = HMAC-SHA256(key derived from SECRETS_KEY, [accountId, binding, expiry.nonce]). Stateless, so any
 * isolate can check it; bound to one provider account, so a token of one account opens no other; and bound
 * to `binding` (the account's callback credentials), so a token dies with the credentials it was issued under.
 */
export const CALLBACK_TOKEN_TTL_SECONDS = 300;

// A key of its own, so this MAC never shares a key with the secret box.
const signingKey = (secretsKey: string) => hmac('SHA-256', fromBase64(secretsKey), 'vietqr-callback-token/v1');

async function mac(secretsKey: string, accountId: string, binding: string, payload: string): Promise<string> {
  // JSON of the parts: unambiguous, whatever characters the credentials hold.
  return toBase64Url(await hmac('SHA-256', await signingKey(secretsKey), utf8(JSON.stringify([accountId, binding, payload]))));
}

export async function issueCallbackToken(secretsKey: string, accountId: string, binding: string, now: Date): Promise<string> {
  const expiry = Math.floor(now.getTime() / 1000) + CALLBACK_TOKEN_TTL_SECONDS;
  const payload = `${expiry}.${toBase64Url(crypto.getRandomValues(new Uint8Array(12)))}`;
  return `${payload}.${await mac(secretsKey, accountId, binding, payload)}`;
}

/** True when we issued `token` for this account under this binding and it has not expired. */
export async function verifyCallbackToken(
  secretsKey: string,
  accountId: string,
  binding: string,
  token: string,
  now: Date,
): Promise<boolean> {
  const match = /^(\d{1,12})\.([\w-]{16})\.([\w-]{43})$/.exec(token);
  if (!match?.[1] || !match[3]) return false;
  const expected = await mac(secretsKey, accountId, binding, `${match[1]}.${match[2]}`);
  const authentic = timingSafeEqual(match[3], expected);
  return authentic && Number(match[1]) * 1000 > now.getTime();
}
