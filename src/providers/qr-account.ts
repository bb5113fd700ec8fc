import { decodeVietQr } from '../qr/vietqr';
import { ProviderError } from './errors';

/**
 * The bank and account a provider's VietQR payload sends money to. A payload that does not decode
 * would leave the payer with a broken code, so it is the provider's failure (502), not a success.
 */
export function payloadAccount(provider: string, payload: string): { bin: string; accountNumber: string } {
  const decoded = decodeVietQr(payload);
  if (!decoded.ok) throw new ProviderError(provider, 'BAD_QR', `returned QR is not a VietQR transfer code: ${decoded.reason}`);
  return { bin: decoded.value.bin, accountNumber: decoded.value.accountNumber };
}
