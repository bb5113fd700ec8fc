// How the dashboard writes money and time: VND with dots between thousands, Vietnam's wall clock (UTC+7, no DST).

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

export const groupThousands = (amount: number) => String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** `50000` → `50.000 ₫` (a no-break space keeps the sign with its number). */
export const formatVnd = (amount: number) => `${amount < 0 ? '-' : ''}${groupThousands(Math.abs(amount))}\u00a0₫`;

/** Short amounts for chart labels: `950.000` → `950k`, `1.250.000` → `1,3tr` / `1.3M`. */
export function compactVnd(amount: number, lang: 'vi' | 'en'): string {
  const sep = lang === 'vi' ? ',' : '.';
  if (amount >= 1_000_000_000) return `${trimmed(amount / 1_000_000_000, sep)}${lang === 'vi' ? 'tỷ' : 'B'}`;
  if (amount >= 1_000_000) return `${trimmed(amount / 1_000_000, sep)}${lang === 'vi' ? 'tr' : 'M'}`;
  if (amount >= 1_000) return `${trimmed(amount / 1_000, sep)}k`;
  return String(amount);
}

const trimmed = (value: number, sep: string) =>
  value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10).replace('.', sep);

/** An instant on Vietnam's clock: `10:15 21/11/2026`. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms + VIETNAM_OFFSET_MS);
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} ${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/** The Vietnamese calendar day of an instant, `2026-11-21`. */
export const vietnamDay = (ms: number) => new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The instant (UTC ISO) a Vietnamese calendar day starts. */
export const vietnamDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - VIETNAM_OFFSET_MS).toISOString();

/** The last `count` Vietnamese days up to today, oldest first. */
export function lastDays(nowMs: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => vietnamDay(nowMs - (count - 1 - i) * DAY_MS));
}

/** `2026-11-21` → `21/11`. */
export const shortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/** A `datetime-local` value (Vietnam's clock) as an instant; null when it is not one. */
export function fromVietnamLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const ms = Date.parse(`${value.length === 16 ? `${value}:00` : value}+07:00`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** An instant as a `datetime-local` value on Vietnam's clock. */
export const toVietnamLocal = (ms: number) => new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 16);
