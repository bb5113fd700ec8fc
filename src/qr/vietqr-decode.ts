import { crc16 } from './crc';
import { parseTlv, type Tlv } from './emv';
import { charLength, isAscii, isPrintableAscii } from './text';
import {
  ACCOUNT_PATTERN,
  ADDITIONAL_TEXT,
  BIN_PATTERN,
  CONSUMER_DATA_PATTERN,
  type DecodedVietQr,
  MCC_PATTERN,
  NAPAS_GUID,
  ROOT_TEXT,
  SERVICE_CODES,
  type TextField,
} from './vietqr-fields';

export type DecodeResult = { ok: true; value: DecodedVietQr } | { ok: false; reason: string };

/** Control flow inside the decoder only; not an Error, so no stack is captured for each bad payload. */
class Reject {
  constructor(readonly reason: string) {}
}
const reject = (reason: string): never => {
  throw new Reject(reason);
};

/**
 * Strict on structure (CRC, lengths at every level, GUID, service, currency, country, amount),
 * lenient on text real generators emit (non-ASCII, over-long content: decoded, with a warning).
 * Never throws: every failure is `{ ok: false, reason }`.
 */
export function decodeVietQr(payload: string): DecodeResult {
  try {
    return { ok: true, value: read(payload) };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, reason: error.reason };
    throw error;
  }
}

function read(payload: string): DecodedVietQr {
  if (typeof payload !== 'string' || payload.length === 0) reject('the payload is empty');
  const warnings: string[] = [];
  const crc = checkCrc(payload, warnings);
  const root = template(payload, '');
  const tags = rootTags(root);
  checkEnvelope(payload, root, tags);
  const { bin, accountNumber, service } = beneficiary(tags.account!);
  const out = { initMethod: initMethod(tags.initMethod, warnings), bin, accountNumber, service } as DecodedVietQr;
  readRoot(root, out, warnings);
  // crc and warnings last, for readers of the JSON.
  out.crc = crc;
  out.warnings = warnings;
  return out;
}

/** The root tags every VietQR has, in one pass over the root. */
function rootTags(root: Tlv[]): { initMethod?: string; account?: string; currency?: string; country?: string } {
  const tags: { initMethod?: string; account?: string; currency?: string; country?: string } = {};
  for (const { id, value } of root) {
    if (id === '01') tags.initMethod = value;
    else if (id === '38') tags.account = value;
    else if (id === '53') tags.currency = value;
    else if (id === '58') tags.country = value;
  }
  return tags;
}

function checkCrc(payload: string, warnings: string[]): string {
  if (payload.length < 8 || payload.slice(-8, -4) !== '6304') reject('no CRC: the payload must end with tag 63 (6304 and 4 hex digits)');
  const crc = payload.slice(-4);
  if (!/^[0-9A-Fa-f]{4}$/.test(crc)) reject(`CRC ${JSON.stringify(crc)} is not 4 hex digits`);
  const expected = crc16(payload.slice(0, -4));
  if (crc !== expected) {
    if (crc.toUpperCase() !== expected)
      reject(`CRC mismatch: the payload says ${crc}, but CRC-16/CCITT-FALSE of its content is ${expected}`);
    warnings.push('CRC is written in lowercase hex');
  }
  return crc;
}

/** One template's data objects, rejecting malformed TLVs and duplicate tags. */
function template(text: string, prefix: string): Tlv[] {
  const parsed = parseTlv(text, prefix);
  if (!parsed.ok) return reject(parsed.reason);
  const { fields } = parsed;
  for (let i = 1; i < fields.length; i++) {
    // Tags usually ascend; only when one does not, look back for a duplicate.
    if (fields[i]!.id > fields[i - 1]!.id) continue;
    for (let j = 0; j < i; j++) if (fields[i]!.id === fields[j]!.id) reject(`tag ${prefix}${fields[i]!.id} appears twice`);
  }
  return fields;
}

/** Templates hold a dozen objects at most: a scan beats building a map. */
function get(fields: Tlv[], id: string): string | undefined {
  for (const field of fields) if (field.id === id) return field.value;
  return undefined;
}

function checkEnvelope(payload: string, root: Tlv[], tags: ReturnType<typeof rootTags>): void {
  if (root[0]!.id !== '00') reject(`tag 00 (payload format indicator) must come first, found tag ${root[0]!.id}`);
  if (root[0]!.value !== '01') reject(`payload format indicator (tag 00) is ${JSON.stringify(root[0]!.value)}, must be "01"`);
  const last = root[root.length - 1]!;
  if (last.id !== '63' || last.value !== payload.slice(-4)) reject('tag 63 (CRC) must be the last data object');
  if (tags.account === undefined) reject(`not a VietQR transfer code: no tag 38 (NAPAS beneficiary account)${otherSchemes(root)}`);
  const { currency, country } = tags;
  if (currency === undefined) reject('no transaction currency (tag 53); VietQR requires 704 (VND)');
  if (currency !== '704') reject(`transaction currency (tag 53) is ${JSON.stringify(currency)}; VietQR requires 704 (VND)`);
  if (country === undefined) reject('no country code (tag 58); VietQR requires VN');
  if (country !== 'VN') reject(`country code (tag 58) is ${JSON.stringify(country)}; VietQR requires VN`);
}

/** Names the scheme GUIDs found in tags 02–51, so "not VietQR" says what it is instead. */
function otherSchemes(root: Tlv[]): string {
  const found: string[] = [];
  for (const { id, value } of root) {
    const number = Number(id);
    if (number < 2 || number > 51) continue;
    const parsed = parseTlv(value);
    const guid = parsed.ok ? get(parsed.fields, '00') : undefined;
    found.push(guid ? `tag ${id} with GUID ${guid}` : `tag ${id}`);
  }
  return found.length ? `; it has ${found.join(', ')}` : '';
}

function beneficiary(value: string): Pick<DecodedVietQr, 'bin' | 'accountNumber' | 'service'> {
  const info = template(value, '38.');
  const guid = get(info, '00');
  if (guid === undefined) reject('tag 38 has no GUID (38.00)');
  if (guid !== NAPAS_GUID) reject(`not a VietQR transfer code: GUID (38.00) is ${JSON.stringify(guid)}, not the NAPAS GUID ${NAPAS_GUID}`);
  const account = template(get(info, '01') ?? reject('tag 38 has no beneficiary organization (38.01)'), '38.01.');
  for (const { id } of account) {
    if (id !== '00' && id !== '01')
      reject(`tag 38.01 has an unexpected sub-ID ${id} (only 00 bank BIN and 01 account number belong there)`);
  }
  const bin = get(account, '00') ?? reject('no bank BIN (38.01.00)');
  if (!BIN_PATTERN.test(bin)) reject(`bank BIN (38.01.00) ${JSON.stringify(bin)} must be 6 digits`);
  const accountNumber = get(account, '01') ?? reject('no account number (38.01.01)');
  if (!ACCOUNT_PATTERN.test(accountNumber))
    reject(`account number (38.01.01) ${JSON.stringify(accountNumber)} must be 1 to 19 letters or digits`);
  return { bin, accountNumber, service: service(get(info, '02')) };
}

function service(code: string | undefined): 'account' | 'card' {
  if (code === undefined) return reject('tag 38 has no service code (38.02)');
  if (code === SERVICE_CODES.account) return 'account';
  if (code === SERVICE_CODES.card) return 'card';
  if (code === 'QRPUSH' || code === 'QRCASH') return reject(`not a VietQR transfer code: service code (38.02) is ${code}`);
  return reject(`unknown service code (38.02) ${JSON.stringify(code)}; expected QRIBFTTA (account) or QRIBFTTC (card)`);
}

function initMethod(code: string | undefined, warnings: string[]): 'static' | 'dynamic' {
  if (code === '11') return 'static';
  if (code === '12') return 'dynamic';
  if (code !== undefined)
    reject(`unknown point of initiation method (tag 01) ${JSON.stringify(code)}; expected 11 (static) or 12 (dynamic)`);
  warnings.push('no point of initiation method (tag 01); read as static');
  return 'static';
}

/** Root tags already read by checkEnvelope, beneficiary and initMethod. */
const alreadyRead = (id: string) => id === '00' || id === '01' || id === '38' || id === '53' || id === '58' || id === '63';

function readRoot(root: Tlv[], out: DecodedVietQr, warnings: string[]): void {
  for (const { id, value } of root) {
    if (alreadyRead(id)) continue;
    if (id === '54') out.amount = amount(value, warnings);
    else if (id === '62') readAdditional(value, out, warnings);
    else if (id >= '80') out.unreserved = { ...out.unreserved, [id]: value };
    else if (!readText(ROOT_TEXT_BY_ID, id, '', value, out, warnings)) out.otherTags = { ...out.otherTags, [id]: value };
  }
  if (out.mcc !== undefined && !MCC_PATTERN.test(out.mcc))
    reject(`merchant category code (tag 52) ${JSON.stringify(out.mcc)} must be 4 digits`);
}

function amount(value: string, warnings: string[]): number {
  if (!/^\d{1,13}$/.test(value)) reject(`amount (tag 54) ${JSON.stringify(value)} must be digits only (VND has no decimals)`);
  const number = Number(value);
  if (number === 0) reject('amount (tag 54) is zero');
  if (value.charCodeAt(0) === 48) warnings.push(`amount (tag 54) ${JSON.stringify(value)} has leading zeros`);
  return number;
}

function readAdditional(value: string, out: DecodedVietQr, warnings: string[]): void {
  for (const { id, value: text } of template(value, '62.')) {
    if (!readText(ADDITIONAL_TEXT_BY_ID, id, '62.', text, out, warnings)) out.otherTags = { ...out.otherTags, [`62.${id}`]: text };
  }
  const request = out.consumerDataRequest;
  if (request !== undefined && !CONSUMER_DATA_PATTERN.test(request)) warnings.push('62.09 should be up to 3 of A, M, E');
}

/** Text tags by ID: [field, EMVCo maximum length]. */
const byId = (table: typeof ROOT_TEXT) => new Map(table.map(([id, field, max]) => [id, [field, max] as const]));
const ROOT_TEXT_BY_ID = byId(ROOT_TEXT);
const ADDITIONAL_TEXT_BY_ID = byId(ADDITIONAL_TEXT);

/** Stores a known text tag (with warnings for what EMVCo would not allow); false if the tag is not in `table`. */
function readText(
  table: typeof ROOT_TEXT_BY_ID,
  id: string,
  prefix: string,
  value: string,
  out: DecodedVietQr,
  warnings: string[],
): boolean {
  const entry = table.get(id);
  if (!entry) return false;
  const [field, max] = entry;
  (out as Pick<DecodedVietQr, TextField>)[field] = value;
  if (!isPrintableAscii(value)) {
    warnings.push(`${prefix}${id} contains ${isAscii(value) ? 'control characters' : 'non-ASCII'} (outside EMVCo "ans" charset)`);
  }
  // charLength <= length: count characters only when the length might exceed the maximum.
  if (value.length > max && charLength(value) > max)
    warnings.push(`${prefix}${id} longer than ${max} (${charLength(value)}) — exceeds NAPAS/EMVCo max`);
  return true;
}
