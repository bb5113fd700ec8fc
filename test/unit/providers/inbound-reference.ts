// Independent re-implementations of the providers' signing (PROVIDERS.md), written apart from src/ so
// the tests check our verifiers against the algorithm, not against themselves.
import vectors from '../../../../shared/vectors/providers.json';

export { vectors };

const encoder = new TextEncoder();

export async function refHmacHex(hash: 'SHA-256' | 'SHA-512', key: string, message: string): Promise<string> {
  const imported = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', imported, encoder.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with object keys sorted at every depth, written directly rather than by re-ordering then stringifying. */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${sortedJson(object[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const cassoHeader = async (checksumKey: string, t: number, body: unknown) =>
  `t=${t},v1=${await refHmacHex('SHA-512', checksumKey, `${t}.${sortedJson(body)}`)}`;

/** payOS: data's keys sorted, `key=value` joined by `&`, null → "", no URL-encoding. */
export function payosText(data: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const key of Object.keys(data).sort()) {
    const value = data[key];
    if (value === undefined) continue;
    pairs.push(`${key}=${value === null ? '' : Array.isArray(value) ? sortedJson(value) : String(value)}`);
  }
  return pairs.join('&');
}

// Vietnam wall-clock time via Intl, independent of the offset arithmetic in src/.
const vnFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function vnParts(date: Date) {
  const parts = Object.fromEntries(vnFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return { y: parts.year, mo: parts.month, d: parts.day, h: parts.hour, mi: parts.minute, s: parts.second };
}

export function vnDateTime(date: Date): string {
  const { y, mo, d, h, mi, s } = vnParts(date);
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}

export function vnCompact(date: Date, millis = true): string {
  const { y, mo, d, h, mi, s } = vnParts(date);
  return `${y}${mo}${d}${h}${mi}${s}${millis ? String(date.getUTCMilliseconds()).padStart(3, '0') : ''}`;
}

/** Flips one bit of one character of a string (never producing the same string). */
export function flipBit(text: string, index: number): string {
  const code = text.charCodeAt(index) ^ 1;
  return text.slice(0, index) + String.fromCharCode(code) + text.slice(index + 1);
}
