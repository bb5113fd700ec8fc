// QR section: our VietQR codec against vietnam-qr-pay, our SVG against qrcode's, and where uqr spends its time.
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { encode as uqrEncode } from 'uqr';
import vietnamQrPay from 'vietnam-qr-pay';
import { bench, compare, importSource, ratio } from './lib.mjs';

const { QRPay } = vietnamQrPay;
const vectors = JSON.parse(readFileSync(new URL('../test/fixtures/vietqr-vectors.json', import.meta.url), 'utf8'));

/** What an order's QR looks like: an amount and the payment code as content (all alphanumeric-mode characters). */
const ORDER_FIELDS = { bin: '970436', accountNumber: '1017595600', service: 'account', amount: 77000, content: 'QR7K3M9XT' };
/** A lowercase description forces byte mode in uqr, where qrcode mixes numeric/alphanumeric/byte segments. */
const MIXED_FIELDS = { ...ORDER_FIELDS, content: 'Thanh toan don hang 1234' };

/** Vectors both libraries can encode: account/card, amount, content only. */
const encodable = vectors.valid.filter(
  (v) => !v.decodeOnly && Object.keys(v.input).every((key) => ['bin', 'accountNumber', 'service', 'amount', 'content'].includes(key)),
);

const theirEncode = (input) =>
  QRPay.initVietQR({
    bankBin: input.bin,
    bankNumber: input.accountNumber,
    amount: input.amount === undefined ? undefined : String(input.amount),
    purpose: input.content,
    service: input.service === 'card' ? 'QRIBFTTC' : 'QRIBFTTA',
  }).build();

/** qrcode renders SVG synchronously when given a callback. */
function qrcodeSvg(payload) {
  let svg;
  QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M' }, (error, text) => {
    if (error) throw error;
    svg = text;
  });
  if (svg === undefined) throw new Error('qrcode did not render synchronously');
  return svg;
}

function codec(qr) {
  for (const v of encodable) {
    if (qr.encodeVietQr(v.input) !== v.payload || theirEncode(v.input) !== v.payload) throw new Error(`encoders disagree on ${v.name}`);
  }
  let i = 0;
  const encoded = compare({
    ours: () => qr.encodeVietQr(encodable[i++ % encodable.length].input),
    theirs: () => theirEncode(encodable[i++ % encodable.length].input),
  });
  bench('qr_encode_ours', encoded.opsPerSec.ours, 'ops/s');
  bench('qr_encode_vietnam_qr_pay', encoded.opsPerSec.theirs, 'ops/s');
  ratio('encode_speed_vs_vietnam_qr_pay', encoded.ratios.theirs);

  const payloads = vectors.valid.map((v) => v.payload);
  const decoded = compare({
    ours: () => qr.decodeVietQr(payloads[i++ % payloads.length]),
    theirs: () => new QRPay(payloads[i++ % payloads.length]),
  });
  bench('qr_decode_ours', decoded.opsPerSec.ours, 'ops/s');
  bench('qr_decode_vietnam_qr_pay', decoded.opsPerSec.theirs, 'ops/s');
  ratio('decode_speed_vs_vietnam_qr_pay', decoded.ratios.theirs);
}

function svg(qr, label, payload) {
  const suffix = label ? `_${label}` : '';
  const ours = qr.renderQrSvg(payload);
  const theirs = qrcodeSvg(payload);
  const timed = compare({ ours: () => qr.renderQrSvg(payload), qrcode: () => qrcodeSvg(payload) });
  const version = qr.qrMatrix(payload).version;
  bench(`qr_svg_ours${suffix}`, timed.opsPerSec.ours, 'ops/s');
  bench(`qr_svg_qrcode${suffix}`, timed.opsPerSec.qrcode, 'ops/s');
  bench(`qr_svg_bytes_ours${suffix}`, Buffer.byteLength(ours), 'bytes');
  bench(`qr_svg_bytes_qrcode${suffix}`, Buffer.byteLength(theirs), 'bytes');
  bench(`qr_version_ours${suffix}`, version, 'version');
  bench(`qr_version_qrcode${suffix}`, QRCode.create(payload, { errorCorrectionLevel: 'M' }).version, 'version');
  ratio(`svg_speed_vs_qrcode${suffix}`, timed.ratios.qrcode);
  ratio(`svg_bytes_vs_qrcode${suffix}`, Buffer.byteLength(ours) / Buffer.byteLength(theirs));
}

/** Where the time goes: uqr's automatic masking against one fixed mask plus our mask selection. */
function matrix(qr, payload) {
  const timed = compare(
    {
      qrMatrix: () => qr.qrMatrix(payload),
      uqrAutoMask: () => uqrEncode(payload, { ecc: 'M', border: 0 }),
      uqrFixedMask: () => uqrEncode(payload, { ecc: 'M', border: 0, maskPattern: 0 }),
    },
    { rounds: 5 },
  );
  bench('qr_matrix_ours', timed.opsPerSec.qrMatrix, 'ops/s');
  bench('qr_matrix_uqr_auto_mask', timed.opsPerSec.uqrAutoMask, 'ops/s');
  bench('qr_matrix_uqr_fixed_mask', timed.opsPerSec.uqrFixedMask, 'ops/s');
  ratio('matrix_speed_vs_uqr_auto_mask', timed.ratios.uqrAutoMask);
}

export async function run() {
  const qr = await importSource('src/qr/index.ts');
  codec(qr);
  const order = qr.encodeVietQr(ORDER_FIELDS);
  svg(qr, '', order);
  svg(qr, 'mixed_case', qr.encodeVietQr(MIXED_FIELDS));
  matrix(qr, order);
}
