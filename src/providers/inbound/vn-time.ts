// Vietnam has been UTC+7 without DST since 1975; providers send its local wall-clock time without a zone.
const VN_OFFSET_MS = 7 * 3600_000;

function vnWallClock(parts: (string | undefined)[]): Date | null {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0] = parts.map((part) => Number(part ?? 0));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(utc);
  // Date.UTC rolls 2024-02-30 over to March: a date that does not round-trip is not a date.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(utc - VN_OFFSET_MS);
}

/** "YYYY-MM-DD HH:mm:ss" (or with a T) in Vietnam time, as Casso, SePay and payOS send it. */
export function parseVnDateTime(value: unknown): Date | null {
  const m = typeof value === 'string' ? /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)$/.exec(value.trim()) : null;
  return m ? vnWallClock(m.slice(1)) : null;
}

/** yyyyMMddHHmmss or yyyyMMddHHmmssSSS in Vietnam time (Tingee). */
export function parseVnCompact(value: unknown): Date | null {
  const m = typeof value === 'string' ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d{3})?$/.exec(value) : null;
  return m ? vnWallClock(m.slice(1)) : null;
}

/** ISO 8601 with an explicit zone (BankHub: "2023-12-05T16:25:00+07:00"). */
export function parseZonedIso(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(value.trim())) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Epoch milliseconds (VietQR's transactiontime). */
export function parseEpochMs(value: unknown): Date | null {
  const ms = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof ms === 'number' && Number.isSafeInteger(ms) && ms > 0 ? new Date(ms) : null;
}

const vnParts = (date: Date) =>
  new Date(date.getTime() + VN_OFFSET_MS)
    .toISOString()
    .slice(0, 23)
    .split(/[-T:.]/);

/** "YYYY-MM-DD HH:mm:ss" in Vietnam time. */
export function formatVnDateTime(date: Date): string {
  const [y, mo, d, h, mi, s] = vnParts(date);
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}

/** yyyyMMddHHmmssSSS (or without millis) in Vietnam time. */
export const formatVnCompact = (date: Date, withMillis = true) =>
  vnParts(date)
    .slice(0, withMillis ? 7 : 6)
    .join('');

/** The time a transaction happened, or when we heard of it when the provider's own time is missing or unreadable. */
export const occurredAt = (parsed: Date | null, now: Date) => (parsed ?? now).toISOString();
