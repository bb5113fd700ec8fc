import { timingSafeEqual } from '../../crypto/compare';
import { fromBase64 } from '../../crypto/encoding';
import { rejectAuth } from '../inbound/errors';

/** What VietQR presents to our token_generate: `Authorization: Basic base64(user:pass)`. */
export interface BasicCredentials {
  username: string;
  password: string;
}

export function readBasicAuth(header: string | null | undefined): BasicCredentials {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '')?.[1];
  let decoded: string | null = null;
  try {
    decoded = encoded ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fromBase64(encoded)) : null;
  } catch {
    decoded = null;
  }
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === null || colon < 0) throw rejectAuth('INVALID_AUTH_HEADER', 'Authorization: Basic is missing or malformed');
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Both halves are compared in full, whatever the first one gave, so timing tells nothing. */
export function checkBasicAuth(presented: BasicCredentials, expected: { username: string | null; password: string | null }): void {
  const userOk = timingSafeEqual(presented.username, expected.username ?? '');
  const passOk = timingSafeEqual(presented.password, expected.password ?? '');
  if (!expected.username || !expected.password || !userOk || !passOk) {
    throw rejectAuth('INVALID_CREDENTIALS', 'wrong callback username or password');
  }
}
