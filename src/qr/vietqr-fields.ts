// The fields of a VietQR transfer code and the EMV tags they live in (VIETQR.md §2–§4).

export interface VietQrFields {
  bin: string;
  accountNumber: string;
  service: 'account' | 'card';
  initMethod?: 'static' | 'dynamic';
  amount?: number;
  content?: string;
  billNumber?: string;
  mobileNumber?: string;
  storeLabel?: string;
  loyaltyNumber?: string;
  referenceLabel?: string;
  customerLabel?: string;
  terminalLabel?: string;
  consumerDataRequest?: string;
  mcc?: string;
  merchantName?: string;
  merchantCity?: string;
  postalCode?: string;
  unreserved?: Record<string, string>;
}

export interface DecodedVietQr extends VietQrFields {
  initMethod: 'static' | 'dynamic';
  /** Tags a transfer does not use (tip, language template, other schemes…), kept by their path: {"64": "…", "62.50": "…"}. */
  otherTags?: Record<string, string>;
  crc: string;
  warnings: string[];
}

export type TextField = Exclude<keyof VietQrFields, 'bin' | 'accountNumber' | 'service' | 'initMethod' | 'amount' | 'unreserved'>;

export const NAPAS_GUID = 'A000000727';
export const SERVICE_CODES = { account: 'QRIBFTTA', card: 'QRIBFTTC' } as const;
export const INIT_METHODS = { static: '11', dynamic: '12' } as const;
export const MAX_AMOUNT = 9_999_999_999_999;

/** Free-text root tags, with the EMVCo maximum length. */
export const ROOT_TEXT: readonly (readonly [string, TextField, number])[] = [
  ['52', 'mcc', 4],
  ['59', 'merchantName', 25],
  ['60', 'merchantCity', 15],
  ['61', 'postalCode', 10],
];

/** Sub-fields of tag 62 (additional data), each at most 25 characters except 62.09 (3). */
export const ADDITIONAL_TEXT: readonly (readonly [string, TextField, number])[] = [
  ['01', 'billNumber', 25],
  ['02', 'mobileNumber', 25],
  ['03', 'storeLabel', 25],
  ['04', 'loyaltyNumber', 25],
  ['05', 'referenceLabel', 25],
  ['06', 'customerLabel', 25],
  ['07', 'terminalLabel', 25],
  ['08', 'content', 25],
  ['09', 'consumerDataRequest', 3],
];

export const BIN_PATTERN = /^\d{6}$/;
export const ACCOUNT_PATTERN = /^[A-Za-z0-9]{1,19}$/;
export const MCC_PATTERN = /^\d{4}$/;
/** Any of A (address), M (mobile), E (email), each at most once. */
export const CONSUMER_DATA_PATTERN = /^(?!.*(.).*\1)[AME]{1,3}$/;
export const UNRESERVED_ID = /^[89]\d$/;
