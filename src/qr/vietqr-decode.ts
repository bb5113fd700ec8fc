import { crc16 } from './crc';
import { parseTlv } from './emv';
import { isAscii, isPrintableAscii } from './text';
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
  checkEnvelope(payload, root);
  const account = beneficiary(root);
  const decoded: DecodedVietQr = { initMethod: initMethod(root.get('01'), warnings), ...account, crc, warnings };
  readRoot(root, decoded);
  // crc and warnings last, for readers of the JSON.
  const { crc: _crc, warnings: _warnings, ...fields } = decoded;
  return { ...fields, crc, warnings };
}

function checkCrc(payload: string, warnings: string[]): string {
  if (payload.length < 8 || payload.slice(-8, -4) !== '6304') reject('no CRC: the payload must end with tag 63 (6304 and 4 hex digits)');
  const crc = payload.slice(-4);
  if (!/^[0-9A-Fa-f]{4}$/.test(crc)) reject(`CRC ${JSON.stringify(crc)} is not 4 hex digits`);
  const expected = crc16(payload.slice(0, -4));
  if (crc.toUpperCase() !== expected) reject(`CRC mismatch: the payload says ${crc}, but CRC-16/CCITT-FALSE of its content is ${expected}`);
  if (crc !== expected) warnings.push('CRC is written in lowercase hex');
  return crc;
}

/** One template as tag → value, rejecting malformed TLVs and duplicate tags. */
function template(text: string, prefix: string): Map<string, string> {
  const parsed = parseTlv(text, prefix);
  if (!parsed.ok) return reject(parsed.reason);
  const tags = new Map<string, string>();
  for (const { id, value } of parsed.fields) {
    if (tags.has(id)) reject(`tag ${prefix}${id} appears twice`);
    tags.set(id, value);
  }
  return tags;
}

function checkEnvelope(payload: string, root: Map<string, string>): void {
  const ids = [...root.keys()];
  if (ids[0] !== '00') reject(`tag 00 (payload format indicator) must come first, found tag ${ids[0]}`);
  if (root.get('00') !== '01') reject(`payload format indicator (tag 00) is ${JSON.stringify(root.get('00'))}, must be "01"`);
  if (ids[ids.length - 1] !== '63' || root.get('63') !== payload.slice(-4)) reject('tag 63 (CRC) must be the last data object');
  if (!root.has('38')) reject(`not a VietQR transfer code: no tag 38 (NAPAS beneficiary account)${otherSchemes(root)}`);
  if (root.get('53') === undefined) reject('no transaction currency (tag 53); VietQR requires 704 (VND)');
  if (root.get('53') !== '704') reject(`transaction currency (tag 53) is ${JSON.stringify(root.get('53'))}; VietQR requires 704 (VND)`);
  if (root.get('58') === undefined) reject('no country code (tag 58); VietQR requires VN');
  if (root.get('58') !== 'VN') reject(`country code (tag 58) is ${JSON.stringify(root.get('58'))}; VietQR requires VN`);
}

/** Names the scheme GUIDs found in tags 02–51, so "not VietQR" says what it is instead. */
function otherSchemes(root: Map<string, string>): string {
  const found: string[] = [];
  for (const [id, value] of root) {
    const number = Number(id);
    if (number < 2 || number > 51) continue;
    const parsed = parseTlv(value);
    const guid = parsed.ok ? parsed.fields.find((field) => field.id === '00')?.value : undefined;
    found.push(guid ? `tag ${id} with GUID ${guid}` : `tag ${id}`);
  }
  return found.length ? `; it has ${found.join(', ')}` : '';
}

function beneficiary(root: Map<string, string>): Pick<DecodedVietQr, 'bin' | 'accountNumber' | 'service'> {
  const info = template(root.get('38')!, '38.');
  const guid = info.get('00');
  if (guid === undefined) reject('tag 38 has no GUID (38.00)');
  if (guid !== NAPAS_GUID) reject(`not a VietQR transfer code: GUID (38.00) is ${JSON.stringify(guid)}, not the NAPAS GUID ${NAPAS_GUID}`);
  const organization = info.get('01') ?? reject('tag 38 has no beneficiary organization (38.01)');
  const account = template(organization, '38.01.');
  for (const id of account.keys()) {
    if (id !== '00' && id !== '01')
      reject(`tag 38.01 has an unexpected sub-ID ${id} (only 00 bank BIN and 01 account number belong there)`);
  }
  const bin = account.get('00') ?? reject('no bank BIN (38.01.00)');
  if (!BIN_PATTERN.test(bin)) reject(`bank BIN (38.01.00) ${JSON.stringify(bin)} must be 6 digits`);
  const accountNumber = account.get('01') ?? reject('no account number (38.01.01)');
  if (!ACCOUNT_PATTERN.test(accountNumber))
    reject(`account number (38.01.01) ${JSON.stringify(accountNumber)} must be 1 to 19 letters or digits`);
  return { bin, accountNumber, service: service(info.get('02')) };
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

function readRoot(root: Map<string, string>, out: DecodedVietQr): void {
  for (const [id, value] of root) {
    const number = Number(id);
    if (['00', '01', '38', '53', '58', '63'].includes(id)) continue;
    if (id === '54') out.amount = amount(value, out.warnings);
    else if (id === '62') readAdditional(value, out);
    else if (number >= 80) out.unreserved = { ...out.unreserved, [id]: value };
    else if (!readText(ROOT_TEXT, id, '', value, out)) out.otherTags = { ...out.otherTags, [id]: value };
  }
  if (out.mcc !== undefined && !MCC_PATTERN.test(out.mcc))
    reject(`merchant category code (tag 52) ${JSON.stringify(out.mcc)} must be 4 digits`);
}

function amount(value: string, warnings: string[]): number {
  if (!/^\d{1,13}$/.test(value)) reject(`amount (tag 54) ${JSON.stringify(value)} must be digits only (VND has no decimals)`);
  const number = Number(value);
  if (number === 0) reject('amount (tag 54) is zero');
  if (value.startsWith('0')) warnings.push(`amount (tag 54) ${JSON.stringify(value)} has leading zeros`);
  return number;
}

function readAdditional(value: string, out: DecodedVietQr): void {
  for (const [id, text] of template(value, '62.')) {
    if (!readText(ADDITIONAL_TEXT, id, '62.', text, out)) out.otherTags = { ...out.otherTags, [`62.${id}`]: text };
  }
  const request = out.consumerDataRequest;
  if (request !== undefined && !CONSUMER_DATA_PATTERN.test(request)) out.warnings.push('62.09 should be up to 3 of A, M, E');
}

/** Stores a known text tag (with warnings for what EMVCo would not allow); false if the tag is not in `table`. */
function readText(table: typeof ROOT_TEXT, id: string, prefix: string, value: string, out: DecodedVietQr): boolean {
  const entry = table.find(([tag]) => tag === id);
  if (!entry) return false;
  const [, field, max] = entry;
  (out as Pick<DecodedVietQr, TextField>)[field] = value;
  const path = prefix + id;
  if (!isAscii(value)) out.warnings.push(`${path} contains non-ASCII (outside EMVCo "ans" charset)`);
  else if (!isPrintableAscii(value)) out.warnings.push(`${path} contains control characters (outside EMVCo "ans" charset)`);
  const length = Array.from(value).length;
  if (length > max) out.warnings.push(`${path} longer than ${max} (${length}) — exceeds NAPAS/EMVCo max`);
  return true;
}
