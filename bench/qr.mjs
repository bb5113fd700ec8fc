// QR section: our VietQR codec against vietnam-qr-pay, our SVG and PNG against qrcode's per payload class, our
// QR versions against qrcode's on random payloads, and our matrix against uqr's (one mode, automatic mask).
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { encode as uqrEncode } from 'uqr';
import vietnamQrPay from 'vietnam-qr-pay';
import { bench, compare, importSource, ratio } from './lib.mjs';

const { QRPay } = vietnamQrPay;
const vectors = JSON.parse(readFileSync(new URL('../test/fixtures/vietqr-vectors.json', import.meta.url), 'utf8'));

/** What an order's QR looks like: an amount and the payment code as content (all alphanumeric-mode characters). */
const ORDER_FIELDS = { bin: '970436', accountNumber: '1017595600', service: 'account', amount: 77000, content: 'QR7K3M9XT' };
/** A lowercase description (what providers send back): one mode for all would be byte mode, version 8. */
const MIXED_FIELDS = { ...ORDER_FIELDS, content: 'Thanh toan don hang 1234' };
/** The longest quicklink /qr.svg and /qr.png accept: 19-character account, 13-digit amount, 25-character content and name. */
const LONGEST_FIELDS = {
  bin: '970436',
  accountNumber: 'AB12cd34EF56gh78IJ9',
  service: 'account',
  amount: 9_999_999_999_999,
  content: 'Don hang #A-1024 (Size M)',
  merchantName: 'Cong ty TNHH Hoa Sen Viet',
};

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

/** qrcode's PNG at the same size and margin (its `width` is the image's side in px). */
const qrcodePng = (payload, size) => QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', width: size, margin: 4 });

/** Like compare() for async functions: interleaved rounds of ~ms each, medians, per-round ratios (first ÷ each). */
async function compareAsync(subjects, { rounds = 7, ms = 80 } = {}) {
  const entries = Object.entries(subjects);
  for (const [, fn] of entries) for (let i = 0; i < 50; i++) await fn();
  const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of entries) {
      let runs = 0;
      const start = performance.now();
      let elapsed = 0;
      do {
        for (let i = 0; i < 8; i++) await fn();
        runs += 8;
        elapsed = performance.now() - start;
      } while (elapsed < ms);
      samples[name].push((runs / elapsed) * 1000);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const [first] = entries[0];
  return {
    opsPerSec: Object.fromEntries(entries.map(([name]) => [name, median(samples[name])])),
    ratios: Object.fromEntries(entries.map(([name]) => [name, median(samples[first].map((ops, i) => ops / samples[name][i]))])),
  };
}

async function png(qr, suffix, payload) {
  const size = 320;
  const ours = await qr.renderQrPng(payload, { size });
  const theirs = await qrcodePng(payload, size);
  const timed = await compareAsync({ ours: () => qr.renderQrPng(payload, { size }), qrcode: () => qrcodePng(payload, size) });
  bench(`qr_png_ours${suffix}`, timed.opsPerSec.ours, 'ops/s');
  bench(`qr_png_qrcode${suffix}`, timed.opsPerSec.qrcode, 'ops/s');
  bench(`qr_png_bytes_ours${suffix}`, ours.length, 'bytes');
  bench(`qr_png_bytes_qrcode${suffix}`, theirs.length, 'bytes');
  ratio(`png_speed_vs_qrcode${suffix}`, timed.ratios.qrcode);
  ratio(`png_bytes_vs_qrcode${suffix}`, ours.length / theirs.length);
}

/** A small deterministic generator, so every run checks the same payloads. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Our version against qrcode's on random VietQR payloads of every shape an order or quicklink takes. */
function versions(qr) {
  const next = random(17);
  const pick = (chars, n) => Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join('');
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  const alnum = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let count = 0;
  let notAbove = 0;
  let smaller = 0;
  while (count < 2000) {
    const fields = {
      bin: pick('0123456789', 6),
      accountNumber: pick(alnum, 1 + Math.floor(next() * 19)),
      service: next() < 0.5 ? 'account' : 'card',
    };
    if (next() < 0.8) fields.amount = 1 + Math.floor(next() * 10 ** (1 + Math.floor(next() * 12)));
    if (next() < 0.9)
      fields.content = pick(next() < 0.5 ? printable : 'QWERTYUIOPASDFGHJKLZXCVBNM0123456789 ', 1 + Math.floor(next() * 25));
    if (next() < 0.4) fields.merchantName = pick(printable, 1 + Math.floor(next() * 25));
    let payload;
    try {
      payload = qr.encodeVietQr(fields);
    } catch {
      continue;
    }
    count++;
    const ours = qr.qrMatrix(payload).version;
    const theirs = QRCode.create(payload, { errorCorrectionLevel: 'M' }).version;
    if (ours <= theirs) notAbove++;
    if (ours < theirs) smaller++;
  }
  bench('qr_version_not_above_qrcode', notAbove, `of ${count} payloads`);
  bench('qr_version_below_qrcode', smaller, `of ${count} payloads`);
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
  for (const [label, fields] of [
    ['', ORDER_FIELDS],
    ['mixed_case', MIXED_FIELDS],
    ['longest', LONGEST_FIELDS],
  ]) {
    const payload = qr.encodeVietQr(fields);
    svg(qr, label, payload);
    await png(qr, label ? `_${label}` : '', payload);
  }
  versions(qr);
  matrix(qr, order);
}
