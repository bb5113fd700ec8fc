/** Structured JSON logs: one object per line, never secrets or full account numbers. */
export type LogLevel = 'info' | 'warn' | 'error';

// A safety net under every line, whoever writes it: fields named like a secret are dropped and account
// numbers masked, even when a caller passes a whole object (a provider body, an account) by mistake.
export const SECRET_FIELD = /token|secret|password|passwd|apikey|api_key|checksum|signature|authorization|credential|cookie/i;
export const ACCOUNT_FIELD = /(accountnumber|account_number|bankaccount|qraccount)$/i;
const MAX_DEPTH = 6;

/** `123456789` → `*****6789`: enough to recognise, not enough to use. */
export const maskAccount = (account: string | null | undefined) =>
  account ? `${'*'.repeat(Math.max(0, account.length - 4))}${account.slice(-4)}` : account;

function safe(value: unknown, key: string, depth: number): unknown {
  if (value === null || value === undefined) return value;
  if (SECRET_FIELD.test(key)) return '[redacted]';
  if (typeof value === 'string' || typeof value === 'number') return ACCOUNT_FIELD.test(key) ? maskAccount(String(value)) : value;
  if (typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.map((item) => safe(item, key, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, safe(item, name, depth + 1)]));
}

export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...(safe(fields, '', 0) as Record<string, unknown>) });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** A logger whose every line carries the same fields (the request id): `c.get('log')` during a request. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function contextLogger(context: Record<string, unknown>): Logger {
  const at =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      log(level, msg, { ...context, ...fields });
  return { info: at('info'), warn: at('warn'), error: at('error') };
}
