import { crc16 } from './crc';
import { foldDiacritics, isPrintableAscii } from './text';
import {
  ACCOUNT_PATTERN,
  ADDITIONAL_TEXT,
  BIN_PATTERN,
  CONSUMER_DATA_PATTERN,
  INIT_METHODS,
  MAX_AMOUNT,
  MCC_PATTERN,
  NAPAS_GUID,
  SERVICE_CODES,
  type TextField,
  UNRESERVED_ID,
  type VietQrFields,
} from './vietqr-fields';

/** A field that cannot be encoded; `field` is the name in VietQrFields (e.g. "content", "unreserved.80"). */
export class QrEncodeError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'QrEncodeError';
  }
}

/** The canonical payload: tags ascending, empty fields left out, CRC in 4 uppercase hex digits. */
export function encodeVietQr(fields: VietQrFields): string {
  const root =
    formatTlv('00', '01') +
    formatTlv('01', initMethod(fields)) +
    formatTlv('38', merchantAccount(fields)) +
    optionalTlv('52', textValue(fields, 'mcc', 4)) +
    formatTlv('53', '704') +
    optionalTlv('54', amount(fields.amount)) +
    formatTlv('58', 'VN') +
    optionalTlv('59', textValue(fields, 'merchantName', 25)) +
    optionalTlv('60', textValue(fields, 'merchantCity', 15)) +
    optionalTlv('61', textValue(fields, 'postalCode', 10)) +
    optionalTlv('62', additionalData(fields)) +
    unreserved(fields.unreserved) +
    '6304';
  return root + crc16(root);
}

/**
 * Every value here is checked ASCII (digits, letters, folded printable text), so characters are
 * UTF-16 units and `length` is the EMV length; each caller keeps its value within 1..99.
 */
const formatTlv = (id: string, value: string) => `${id}${value.length < 10 ? '0' : ''}${value.length}${value}`;
const optionalTlv = (id: string, value: string) => (value === '' ? '' : formatTlv(id, value));

function initMethod(fields: VietQrFields): string {
  const method = fields.initMethod ?? (fields.amount === undefined ? 'static' : 'dynamic');
  const code = INIT_METHODS[method];
  if (!code) throw new QrEncodeError('initMethod', `initMethod must be "static" or "dynamic", got ${JSON.stringify(method)}`);
  return code;
}

function merchantAccount(fields: VietQrFields): string {
  if (typeof fields.bin !== 'string' || !BIN_PATTERN.test(fields.bin)) throw new QrEncodeError('bin', 'bank BIN must be 6 digits');
  if (typeof fields.accountNumber !== 'string' || !ACCOUNT_PATTERN.test(fields.accountNumber)) {
    throw new QrEncodeError('accountNumber', 'account number must be 1 to 19 letters or digits');
  }
  const service = SERVICE_CODES[fields.service];
  if (!service) throw new QrEncodeError('service', `service must be "account" or "card", got ${JSON.stringify(fields.service)}`);
  const beneficiary = formatTlv('00', fields.bin) + formatTlv('01', fields.accountNumber);
  return formatTlv('00', NAPAS_GUID) + formatTlv('01', beneficiary) + formatTlv('02', service);
}

function amount(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isInteger(value) || value < 1 || value > MAX_AMOUNT) {
    throw new QrEncodeError('amount', `amount must be a whole number of VND from 1 to ${MAX_AMOUNT}`);
  }
  return String(value);
}

/** Folded to ASCII, then checked: what does not fit is refused, never truncated. */
function textValue(fields: VietQrFields, field: TextField, max: number): string {
  const raw = fields[field];
  if (raw === undefined || raw === '') return '';
  if (typeof raw !== 'string') throw new QrEncodeError(field, `${field} must be a string`);
  const value = foldDiacritics(raw);
  if (!isPrintableAscii(value)) throw new QrEncodeError(field, `${field} must be printable ASCII once Vietnamese diacritics are removed`);
  if (value.length > max) throw new QrEncodeError(field, `${field} is ${value.length} characters; at most ${max} fit`);
  if (field === 'mcc' && !MCC_PATTERN.test(value)) throw new QrEncodeError(field, 'mcc must be 4 digits');
  if (field === 'consumerDataRequest' && !CONSUMER_DATA_PATTERN.test(value)) {
    throw new QrEncodeError(field, 'consumerDataRequest must be up to 3 of A, M, E (each once)');
  }
  return value;
}

function additionalData(fields: VietQrFields): string {
  let data = '';
  for (const [id, field, max] of ADDITIONAL_TEXT) {
    data += optionalTlv(id, textValue(fields, field, max));
    if (data.length > 99) throw new QrEncodeError(field, `additional data (tag 62) would be ${data.length} characters; at most 99 fit`);
  }
  return data;
}

function unreserved(tags: Record<string, string> | undefined): string {
  if (tags === undefined) return '';
  let out = '';
  for (const id of Object.keys(tags).sort()) {
    const value = tags[id];
    const field = `unreserved.${id}`;
    if (!UNRESERVED_ID.test(id)) throw new QrEncodeError(field, 'unreserved tags are "80" to "99"');
    if (typeof value !== 'string' || !isPrintableAscii(value)) throw new QrEncodeError(field, `${field} must be printable ASCII`);
    if (value.length > 99) throw new QrEncodeError(field, `${field} is ${value.length} characters; at most 99 fit`);
    out += optionalTlv(id, value);
  }
  return out;
}
