import { fromBase64, toBase64 } from '../crypto/encoding';
import { hmacBase64 } from '../crypto/hmac';

/** Standard Webhooks secrets: `whsec_` + base64 of the raw HMAC key. */
export const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

export interface WebhookToSign {
  /** The event id: the same on every attempt, so merchants can dedupe on it. */
  id: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  body: string;
  /** The current secret first; during a rotation overlap the previous one too. */
  secrets: string[];
}

export function newEndpointSecret(): string {
  return SECRET_PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

function secretKey(secret: string): Uint8Array {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('endpoint secret must start with whsec_');
  return fromBase64(secret.slice(SECRET_PREFIX.length));
}

/** The request headers of one delivery attempt, signed with every given secret (space-separated). */
export async function signWebhook({ id, timestamp, body, secrets }: WebhookToSign): Promise<Record<string, string>> {
  if (secrets.length === 0) throw new Error('at least one secret is needed to sign a webhook');
  const seconds = Math.floor(timestamp);
  const content = `${id}.${seconds}.${body}`;
  const signatures = await Promise.all(secrets.map(async (secret) => `v1,${await hmacBase64('SHA-256', secretKey(secret), content)}`));
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(seconds),
    'webhook-signature': signatures.join(' '),
  };
}
