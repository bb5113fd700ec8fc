import { fromBase64, toBase64, utf8 } from './encoding';

// AES-256-GCM with the record id as associated data, so a ciphertext copied onto another row fails.
const keys = new Map<string, Promise<CryptoKey>>();

function aesKey(secretsKey: string): Promise<CryptoKey> {
  let key = keys.get(secretsKey);
  if (!key) {
    const raw = fromBase64(secretsKey);
    if (raw.length !== 32) throw new Error('SECRETS_KEY must be base64 of 32 bytes');
    key = crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    keys.set(secretsKey, key);
  }
  return key;
}

/** Encrypts `plaintext` bound to `recordId`; returns `v1.<iv b64>.<ciphertext b64>`. */
export async function seal(secretsKey: string, recordId: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(recordId) },
    await aesKey(secretsKey),
    utf8(plaintext),
  );
  return `v1.${toBase64(iv)}.${toBase64(sealed)}`;
}

export async function open(secretsKey: string, recordId: string, box: string): Promise<string> {
  const [version, iv, data] = box.split('.');
  if (version !== 'v1' || !iv || !data) throw new Error('Unknown secret box format');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(iv), additionalData: utf8(recordId) },
    await aesKey(secretsKey),
    fromBase64(data),
  );
  return new TextDecoder().decode(plain);
}
