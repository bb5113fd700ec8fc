import { hmacHex } from '../../crypto/hmac';

const VN_OFFSET_MS = 7 * 3600_000;

/** `yyyyMMddHHmmssSSS` in Vietnam time (UTC+7, no DST), whatever the server's zone. */
export function vnTimestamp(date: Date): string {
  return new Date(date.getTime() + VN_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 17);
}

/** hex HMAC-SHA512(secretToken, timestamp + ":" + body): Tingee's scheme for requests and notifications alike. */
export const tingeeSignature = (secretToken: string, timestamp: string, body: string) =>
  hmacHex('SHA-512', secretToken, `${timestamp}:${body}`);

/** Headers of a signed Tingee request over exactly `body`. */
export async function signedHeaders(clientId: string, secretToken: string, body: string, now: Date): Promise<Record<string, string>> {
  const timestamp = vnTimestamp(now);
  return {
    'content-type': 'application/json',
    'x-client-id': clientId,
    'x-request-timestamp': timestamp,
    'x-signature': await tingeeSignature(secretToken, timestamp, body),
  };
}
