import { ACCOUNT_FIELD, maskAccount, SECRET_FIELD } from '../lib/log';

// Provider bodies go to the logs; tokens, keys and signatures must not, nor full account numbers: the log's own
// lists (lib/log.ts), and one rule of the providers' bodies besides: a VietQR payload spells out the account number.
const PAYLOAD_KEY = /^(qrcode|qrcodeimage)$/i;

/** A copy of a provider body that is safe to log. */
export function redact(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (SECRET_FIELD.test(key)) return '[redacted]';
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redact(item, name)]));
  }
  if (PAYLOAD_KEY.test(key)) return `[${String(value).length} chars]`;
  if (ACCOUNT_FIELD.test(key)) return maskAccount(String(value));
  return value;
}
