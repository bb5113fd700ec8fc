import { unprocessable } from '../../lib/problem';
import { encodeVietQr, QrEncodeError } from '../../qr/vietqr';
import type { ProviderAccount, ProviderQr, QrOrderRequest } from '../types';

/**
 * A dynamic VietQR encoded here, no provider call: the transfer content is just the payment code,
 * which every bank feed then matches on.
 */
export async function createQr(account: ProviderAccount, request: QrOrderRequest): Promise<ProviderQr> {
  const { bin, accountNumber, accountName } = account.config as { bin: string; accountNumber: string; accountName: string };
  const transferContent = request.paymentCode;
  let payload: string;
  try {
    payload = encodeVietQr({ bin, accountNumber, service: 'account', amount: request.amount, content: transferContent });
  } catch (error) {
    if (error instanceof QrEncodeError) {
      throw unprocessable(`The account cannot be encoded as a VietQR: ${error.message}`, [{ path: error.field, message: error.message }]);
    }
    throw error;
  }
  return {
    payload,
    bank: { bin, accountNumber, accountName },
    transferContent,
    providerReference: null,
    virtualAccount: null,
    providerData: {},
  };
}
