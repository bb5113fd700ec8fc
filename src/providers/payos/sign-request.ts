import { hmacHex } from '../../crypto/hmac';

export interface SignedFields {
  amount: number;
  cancelUrl: string;
  description: string;
  orderCode: number;
  returnUrl: string;
}

/** payOS create-payment-link signature: exactly these five fields, alphabetical, raw (not URL-encoded) values. */
export function paymentRequestSignature(checksumKey: string, fields: SignedFields): Promise<string> {
  const { amount, cancelUrl, description, orderCode, returnUrl } = fields;
  return hmacHex(
    'SHA-256',
    checksumKey,
    `amount=${amount}&cancelUrl=${cancelUrl}&description=${description}&orderCode=${orderCode}&returnUrl=${returnUrl}`,
  );
}
