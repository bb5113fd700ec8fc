import { maskAccount } from '../lib/log';

// Provider bodies go to the logs; tokens, keys and signatures must not, nor full account numbers.
const SECRET_KEY = /token|secret|password|apikey|api_key|checksum|signature|authorization/i;
const ACCOUNT_KEY = /(accountnumber|bankaccount|qraccount)$/i;
// A VietQR payload spells out the account number.
const PAYLOAD_KEY = /^(qrcode|qrcodeimage)$/i;

/** A copy of a provider body that is safe to log. */
export function redact(value: unknown, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (SECRET_KEY.test(key)) return '[redacted]';
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, redact(item, name)]));
  }
  if (PAYLOAD_KEY.test(key)) return `[${String(value).length} chars]`;
  if (ACCOUNT_KEY.test(key)) return maskAccount(String(value));
  return value;
}
