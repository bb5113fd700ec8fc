import { toBase64, toHex, utf8 } from './encoding';

type Hash = 'SHA-256' | 'SHA-512';

// Importing a key costs more than the HMAC itself on small bodies: keep them per isolate.
const keyCache = new Map<string, Promise<CryptoKey>>();
const KEY_CACHE_LIMIT = 1000;

function hmacKey(secret: string | Uint8Array, hash: Hash): Promise<CryptoKey> {
  const raw = typeof secret === 'string' ? utf8(secret) : secret;
  const cacheKey = `${hash}:${typeof secret === 'string' ? `s:${secret}` : `b:${toBase64(secret)}`}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash }, false, ['sign']);
    keyCache.set(cacheKey, key);
  }
  return key;
}

export async function hmac(hash: Hash, secret: string | Uint8Array, message: string | Uint8Array): Promise<Uint8Array> {
  const key = await hmacKey(secret, hash);
  const data = typeof message === 'string' ? utf8(message) : message;
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
}

export const hmacHex = async (hash: Hash, secret: string | Uint8Array, message: string | Uint8Array) =>
  toHex(await hmac(hash, secret, message));

export const hmacBase64 = async (hash: Hash, secret: string | Uint8Array, message: string | Uint8Array) =>
  toBase64(await hmac(hash, secret, message));

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', utf8(text)));
}
