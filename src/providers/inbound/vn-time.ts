import { rejectBody } from './errors';

// Vietnam has been UTC+7 without DST since 1975; providers send its local wall-clock time without a zone.
const VN_OFFSET_MS = 7 * 3600_000;

// Every parser here is total: a Date that is a real instant, or null. `new Date(x)` is not (it makes an
// Invalid Date, whose toISOString() throws), so each result is checked before it is returned.
const instant = (ms: number): Date | null => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms) : null);

function vnWallClock(parts: (string | undefined)[]): Date | null {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0] = parts.map((part) => Number(part ?? 0));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(utc);
  // Date.UTC rolls 2024-02-30 over to March: a date that does not round-trip is not a date.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return instant(utc - VN_OFFSET_MS);
}

/** "YYYY-MM-DD HH:mm:ss" (or with a T) in Vietnam time, the bank feeds' usual form. */
export function parseVnDateTime(value: unknown): Date | null {
  const m = typeof value === 'string' ? /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)$/.exec(value.trim()) : null;
  return m ? vnWallClock(m.slice(1)) : null;
}

/** yyyyMMddHHmmss or yyyyMMddHHmmssSSS in Vietnam time. */
export function parseVnCompact(value: unknown): Date | null {
  const m = typeof value === 'string' ? /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d{3})?$/.exec(value) : null;
  return m ? vnWallClock(m.slice(1)) : null;
}

/** ISO 8601 with an explicit zone ("2023-12-05T16:25:00+07:00"). */
export function parseZonedIso(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(value.trim())) return null;
  return instant(new Date(value.trim()).getTime());
}

/** Epoch milliseconds. */
export function parseEpochMs(value: unknown): Date | null {
  const ms = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof ms === 'number' && Number.isSafeInteger(ms) && ms > 0 ? instant(ms) : null;
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

/** "YYYY-MM-DD" in Vietnam time: the day a provider's date window means. */
export const formatVnDate = (date: Date) => formatVnDateTime(date).slice(0, 10);

/** yyyyMMddHHmmssSSS (or without millis) in Vietnam time. */
export const formatVnCompact = (date: Date, withMillis = true) =>
  vnParts(date)
    .slice(0, withMillis ? 7 : 6)
    .join('');

/** No provider here sent transactions before 2020 (CONTRACT §6); an earlier time is a broken value. */
const EARLIEST_MS = Date.UTC(2020, 0, 1);
/** Clocks drift and zones get confused, but not by a day. */
const AHEAD_MS = 24 * 3600_000;

/** A time a transaction can have happened at: from 2020 to a day after `now`. */
export const plausible = (date: Date | null, now: Date): date is Date =>
  date !== null && date.getTime() >= EARLIEST_MS && date.getTime() <= now.getTime() + AHEAD_MS;

/**
 * The time a pulled transaction happened, or when we heard of it when the provider's own time is missing,
 * unreadable or implausible (reconciliation keeps the money; the time is only informative).
 */
export const occurredAt = (parsed: Date | null, now: Date) => (plausible(parsed, now) ? parsed : now).toISOString();

/**
 * The time a callback says its transaction happened (ISO 8601 UTC). Absent ("" or null included): when we
 * heard of it. Present but not a plausible instant: the callback is malformed, 400 (CONTRACT §6).
 */
export function callbackTime(value: unknown, parse: (value: unknown) => Date | null, now: Date, field: string): string {
  if (value === undefined || value === null || value === '') return now.toISOString();
  const parsed = parse(value);
  if (!plausible(parsed, now)) throw rejectBody(`${field} is not a valid time between 2020 and tomorrow`);
  return parsed.toISOString();
}
