import { charLength } from './text';

// EMVCo TLV: ID (2 digits) + length (2 digits, 01..99) + value. Lengths count characters (code points).

export interface Tlv {
  id: string;
  value: string;
}

export type TlvParse = { ok: true; fields: Tlv[] } | { ok: false; reason: string };

const SURROGATE = /[\ud800-\udfff]/;
/** "00"…"99", made once: reading an ID allocates nothing. */
const IDS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const isDigit = (code: number) => code >= 48 && code <= 57;
const isTwoDigits = (text: string) => text.length === 2 && isDigit(text.charCodeAt(0)) && isDigit(text.charCodeAt(1));

/**
 * Walks one template strictly by its lengths. `prefix` names the template ('' for the root,
 * '38.' inside tag 38), so a failure says exactly which tag or length is wrong.
 */
export function parseTlv(text: string, prefix = ''): TlvParse {
  // Astral characters are two UTF-16 units but one character: only then map characters to offsets.
  const offsets = SURROGATE.test(text) ? characterOffsets(text) : null;
  const count = offsets ? offsets.length - 1 : text.length;
  // Plain loops, no closures: this runs for every template of every payload decoded.
  const unit = (at: number) => (offsets === null ? at : offsets[at]!);
  const fields: Tlv[] = [];
  let at = 0;
  while (at < count) {
    const remaining = count - at;
    const start = unit(at);
    const d0 = text.charCodeAt(start) - 48;
    const d1 = text.charCodeAt(offsets === null ? start + 1 : unit(at + 1)) - 48;
    const d2 = text.charCodeAt(offsets === null ? start + 2 : unit(at + 2)) - 48;
    const d3 = text.charCodeAt(offsets === null ? start + 3 : unit(at + 3)) - 48;
    if (remaining < 4 || !(d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9 && d3 >= 0 && d3 <= 9)) {
      return fail(headerProblem(count, at, prefix, fields, (from, to) => text.slice(unit(from), unit(to))));
    }
    const length = d2 * 10 + d3;
    const id = IDS[d0 * 10 + d1]!;
    if (length === 0 || length > remaining - 4) return fail(lengthProblem(prefix, id, fields, length, remaining - 4));
    fields.push({ id, value: text.slice(unit(at + 4), unit(at + 4 + length)) });
    at += 4 + length;
  }
  return { ok: true, fields };
}

/** UTF-16 offset of each character (code point), and the end. */
function characterOffsets(text: string): Int32Array {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    offsets.push(i);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) i++;
    }
  }
  offsets.push(text.length);
  return Int32Array.from(offsets);
}

/** Where a walk stopped: prefix names the template, fields the tags read so far. */
const templateName = (prefix: string) => (prefix ? `tag ${prefix.slice(0, -1)}` : 'the payload');
const afterLast = (prefix: string, fields: Tlv[]) => (fields.length ? `after tag ${prefix}${fields[fields.length - 1]!.id}` : '');

function headerProblem(count: number, at: number, prefix: string, fields: Tlv[], slice: (from: number, to: number) => string): string {
  const remaining = count - at;
  const after = afterLast(prefix, fields);
  if (remaining < 4) {
    return `${templateName(prefix)}: ${remaining} stray character(s) ${JSON.stringify(slice(at, count))}${after ? ` ${after}` : ''}; the declared lengths do not add up`;
  }
  const id = slice(at, at + 2);
  if (!isTwoDigits(id))
    return `${templateName(prefix)}: expected a 2-digit tag ID at character ${at}${after ? ` ${after}` : ''}, found ${JSON.stringify(id)}`;
  return `${tagName(prefix, id, fields)}: length ${JSON.stringify(slice(at + 2, at + 4))} is not 2 digits`;
}

function lengthProblem(prefix: string, id: string, fields: Tlv[], length: number, available: number): string {
  if (length === 0) return `${tagName(prefix, id, fields)}: length 00 (an empty field must be left out, not encoded)`;
  return `${tagName(prefix, id, fields)}: declares ${length} characters but only ${available} remain in ${templateName(prefix)}`;
}

const tagName = (prefix: string, id: string, fields: Tlv[]) =>
  `tag ${prefix}${id}${fields.length ? ` (${afterLast(prefix, fields)})` : ''}`;

const fail = (reason: string): TlvParse => ({ ok: false, reason });

/** One data object. Callers check lengths first; this only guards against writing a broken one. */
export function formatTlv(id: string, value: string): string {
  const length = charLength(value);
  if (!isTwoDigits(id) || length < 1 || length > 99) throw new RangeError(`tag ${id}: ${length} characters cannot be encoded (1..99)`);
  return `${id}${length < 10 ? '0' : ''}${length}${value}`;
}

export const serializeTlv = (fields: readonly Tlv[]) => fields.map((field) => formatTlv(field.id, field.value)).join('');
