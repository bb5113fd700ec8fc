/** Structured JSON logs: one object per line, never secrets or full account numbers. */
export function log(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

/** `123456789` → `*****6789`: enough to recognise, not enough to use. */
export const maskAccount = (account: string | null | undefined) =>
  account ? `${'*'.repeat(Math.max(0, account.length - 4))}${account.slice(-4)}` : account;
