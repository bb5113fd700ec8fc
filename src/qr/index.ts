// The QR module's public surface, as bench/qr.mjs loads it (src imports the files themselves).
export { type Bank, bankByBin, resolveBank } from './banks';
export { crc16 } from './crc';
export { crc32 } from './crc32';
export { formatTlv, parseTlv, serializeTlv, type Tlv, type TlvParse } from './emv';
export { contentEtag, etagMatches, IMMUTABLE_CACHE, imageResponse, REVALIDATE_CACHE } from './image-response';
export { encodeSegments, QR_ECC, type QrMatrix, qrMatrix } from './matrix';
export { encodeQrPng, type QrPngOptions, renderQrPng } from './png';
export { optimalSegments, type Segment, singleSegment } from './segments';
export { type QrSvgOptions, renderQrSvg } from './svg';
export { foldDiacritics } from './text';
export { type DecodedVietQr, type DecodeResult, decodeVietQr, encodeVietQr, QrEncodeError, type VietQrFields } from './vietqr';
export { withAmount } from './vietqr-amount';
