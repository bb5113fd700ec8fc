import { allCodewords, smallestVersion } from './codewords';
import { layoutOf } from './layout';
import { maskScores } from './mask-score';
import { optimalSegments, type Segment, versionGroup } from './segments';

/**
 * Error correction M (15 % of codewords recoverable): survives glare on a phone screen and a
 * scuffed receipt, while a VietQR payload (~100–160 characters) stays at version 5–7, so modules
 * stay large at 320 px. Q/H would push the same payload up two to four versions.
 */
export const QR_ECC = 'M';

export interface QrMatrix {
  /** Modules per side, without quiet zone. */
  size: number;
  /** Row-major, 1 = dark. */
  modules: Uint8Array;
  version: number;
  mask: number;
}

/** The segments of one version group are the same for all its versions: computed once per group. */
function optimalAt(text: string): (version: number) => Segment[] {
  const byGroup: Segment[][] = [];
  return (version) => {
    byGroup[versionGroup(version)] ??= optimalSegments(text, version);
    return byGroup[versionGroup(version)]!;
  };
}

/** The QR code of the text: optimal segments, the smallest version they fit, the best mask. */
export function qrMatrix(text: string): QrMatrix {
  const segmentsAt = optimalAt(text);
  const version = smallestVersion(segmentsAt);
  if (version === null) throw new RangeError('the text is too long for a QR code at level M');
  return encodeSegments(segmentsAt(version), version);
}

/**
 * The symbol for given segments at the smallest version from `minVersion` on. Every module is a
 * byte of its colour under all 8 masks, the 8 penalty scores come from one pass (mask-score.ts),
 * and the lowest wins (the first on a tie, as in Nayuki's library and uqr).
 */
export function encodeSegments(segments: readonly Segment[], minVersion = 1): QrMatrix {
  const version = smallestVersion(() => segments, minVersion);
  if (version === null) throw new RangeError('the segments are too long for a QR code at level M');
  const { size, template, order, format } = layoutOf(version);
  const codewords = allCodewords(segments, version);
  const cells = template.slice();
  for (let i = 0; i < codewords.length; i++) {
    const byte = codewords[i]!;
    if (byte === 0) continue;
    for (let bit = 0; bit < 8; bit++) if ((byte << bit) & 0x80) cells[order[i * 8 + bit]!]! ^= 0xff;
  }
  for (const [index, colours] of format) cells[index] = colours;
  const scores = maskScores(cells, size);
  let mask = 0;
  for (let k = 1; k < 8; k++) if (scores[k]! < scores[mask]!) mask = k;
  const modules = new Uint8Array(size * size);
  for (let i = 0; i < cells.length; i++) modules[i] = (cells[i]! >> mask) & 1;
  return { size, modules, version, mask };
}
