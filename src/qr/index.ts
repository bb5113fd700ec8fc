export { type Bank, bankByBin, resolveBank } from './banks';
export { crc16 } from './crc';
export { formatTlv, parseTlv, serializeTlv, type Tlv, type TlvParse } from './emv';
export { QR_ECC, type QrMatrix, qrMatrix } from './matrix';
export { type QrSvgOptions, renderQrSvg } from './svg';
export { IMMUTABLE_CACHE, type SvgResponseInit, svgEtag, svgResponse } from './svg-response';
export { foldDiacritics } from './text';
export { type DecodedVietQr, type DecodeResult, decodeVietQr, encodeVietQr, QrEncodeError, type VietQrFields } from './vietqr';
