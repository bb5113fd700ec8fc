// VietQR (NAPAS 247 transfer, EMVCo merchant-presented mode): encode and decode.
export { type DecodeResult, decodeVietQr } from './vietqr-decode';
export { encodeVietQr, QrEncodeError } from './vietqr-encode';
export type { DecodedVietQr, VietQrFields } from './vietqr-fields';
