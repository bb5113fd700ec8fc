// EMVCo TLV: ID (2 digits) + length (2 digits, 01..99) + value. Lengths count characters (code points).

export interface Tlv {
  id: string;
  value: string;
}

export type TlvParse = { ok: true; fields: Tlv[] } | { ok: false; reason: string };

const SURROGATE = /[\ud800-\udfff]/;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isTwoDigits = (text: string) => text.length === 2 && isDigit(text.charCodeAt(0)) && isDigit(text.charCodeAt(1));

/**
 * Walks one template strictly by its lengths. `prefix` names the template ('' for the root,
 * '38.' inside tag 38), so a failure says exactly which tag or length is wrong.
 */
export function parseTlv(text: string, prefix = ''): TlvParse {
  // Astral characters are two UTF-16 units but one character: only then pay for an array.
  const chars: string | string[] = SURROGATE.test(text) ? Array.from(text) : text;
  const slice = (from: number, to: number) => (typeof chars === 'string' ? chars.slice(from, to) : chars.slice(from, to).join(''));
  const template = prefix ? `tag ${prefix.slice(0, -1)}` : 'the payload';
  const fields: Tlv[] = [];
  let at = 0;
  while (at < chars.length) {
    const remaining = chars.length - at;
    const after = fields.length ? ` after tag ${prefix}${fields[fields.length - 1]!.id}` : '';
    if (remaining < 4) {
      return fail(
        `${template}: ${remaining} stray character(s) ${JSON.stringify(slice(at, chars.length))}${after}; the declared lengths do not add up`,
      );
    }
    const id = slice(at, at + 2);
    if (!isTwoDigits(id)) return fail(`${template}: expected a 2-digit tag ID at character ${at}${after}, found ${JSON.stringify(id)}`);
    const tag = prefix + id + (fields.length ? ` (${after.slice(1)})` : '');
    const lengthText = slice(at + 2, at + 4);
    if (!isTwoDigits(lengthText)) return fail(`tag ${tag}: length ${JSON.stringify(lengthText)} is not 2 digits`);
    const length = Number(lengthText);
    if (length === 0) return fail(`tag ${tag}: length 00 (an empty field must be left out, not encoded)`);
    if (length > remaining - 4) return fail(`tag ${tag}: declares ${length} characters but only ${remaining - 4} remain in ${template}`);
    fields.push({ id, value: slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return { ok: true, fields };
}

const fail = (reason: string): TlvParse => ({ ok: false, reason });

/** One data object. Callers check lengths first; this only guards against writing a broken one. */
export function formatTlv(id: string, value: string): string {
  const length = Array.from(value).length;
  if (!isTwoDigits(id) || length < 1 || length > 99) throw new RangeError(`tag ${id}: ${length} characters cannot be encoded (1..99)`);
  return `${id}${length < 10 ? '0' : ''}${length}${value}`;
}

export const serializeTlv = (fields: readonly Tlv[]) => fields.map((field) => formatTlv(field.id, field.value)).join('');
