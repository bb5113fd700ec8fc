import { HttpError } from '../lib/problem';
import { encodeVietQr, QrEncodeError, type VietQrFields } from '../qr/vietqr';

/**
 * The payload, or a 422 naming the request field that could not be encoded. `paths` renames the
 * encoder's field names to the request's (the encoder says `bin` where a request says `bank`).
 */
export function encodeOrProblem(fields: VietQrFields, paths: Record<string, string> = {}): string {
  try {
    return encodeVietQr(fields);
  } catch (error) {
    if (!(error instanceof QrEncodeError)) throw error;
    const path = paths[error.field] ?? error.field;
    throw new HttpError(422, `Cannot encode the VietQR: ${error.message}`, [{ path, message: error.message }]);
  }
}

export const unknownBank = (path: string, input: string) =>
  new HttpError(422, `Unknown bank ${JSON.stringify(input)}`, [
    { path, message: 'Unknown bank: expected a BIN like "970436" or a short name like "VCB"' },
  ]);
