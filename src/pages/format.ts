/** Vietnam has one time zone, UTC+7, and no daylight saving time. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `50000` → `50.000 ₫`: dots group thousands in Vietnamese; the no-break space keeps the sign on the number's line. */
export function formatVnd(amount: number): string {
  return `${groupThousands(amount)}\u00a0₫`;
}

export function groupThousands(amount: number): string {
  return String(Math.trunc(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Remaining time as `14:59`, `1:02:03`, or with a day count in front when a day or more is left. */
export function formatRemaining(ms: number, dayLabel: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const clock = `${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  if (days > 0) return `${days} ${dayLabel} ${pad(hours)}:${clock}`;
  return hours > 0 ? `${hours}:${clock}` : clock;
}

/** An instant as the payer's wall clock in Vietnam: `10:15 21/11/2026`. */
export function formatVietnamTime(iso: string): string {
  const t = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} ${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}
