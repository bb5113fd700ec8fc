import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { createQr } from '../../../src/providers/payos/create-qr';
import type { ProviderAccount } from '../../../src/providers/types';
import {
  account,
  context,
  hmacHex,
  jsonResponse,
  orderRequest,
  recordingFetch,
  type SentRequest,
  thrown,
  vietQr,
} from '../../fixtures/outbound-reference';

const CHECKSUM = 'payos-checksum-key';
const payosAccount = (overrides: Partial<ProviderAccount> = {}) =>
  account('payos', { clientId: 'payos-client' }, { apiKey: 'payos-api-key', checksumKey: CHECKSUM }, overrides);

const created = (request: SentRequest) => {
  const json = request.json ?? {};
  return jsonResponse(200, {
    code: '00',
    desc: 'success',
    data: {
      bin: '970448',
      accountNumber: '0123456789',
      accountName: 'CONG TY A',
      amount: json.amount,
      description: json.description,
      orderCode: json.orderCode,
      currency: 'VND',
      paymentLinkId: 'link-1',
      status: 'PENDING',
      checkoutUrl: 'https://pay.payos.vn/web/link-1',
      qrCode: vietQr({ bin: '970448', accountNumber: '0123456789', amount: Number(json.amount), content: String(json.description) }),
    },
    signature: 'not checked',
  });
};

describe('payOS payment requests', () => {
  it('sends the five signed fields, expiry and HMAC-SHA256 signature with the client headers', async () => {
    const { fetch, sent } = recordingFetch(created);
    const request = orderRequest();
    const qr = await createQr(payosAccount(), request, context(fetch));

    const [sentRequest] = sent;
    expect(sentRequest?.url).toBe('https://provider.test/v2/payment-requests');
    expect(sentRequest?.headers).toMatchObject({
      'x-client-id': 'payos-client',
      'x-api-key': 'payos-api-key',
      'content-type': 'application/json',
    });
    const body = sentRequest?.json ?? {};
    const orderCode = body.orderCode as number;
    expect(Number.isSafeInteger(orderCode) && orderCode > 0).toBe(true);
    expect(body).toEqual({
      amount: 123_000,
      cancelUrl: 'https://shop.example/thanks',
      description: 'QR7K3M9XT',
      orderCode,
      returnUrl: 'https://shop.example/thanks',
      expiredAt: Math.floor(request.expiresAt.getTime() / 1000),
      signature: await hmacHex(
        'SHA-256',
        CHECKSUM,
        `amount=123000&cancelUrl=https://shop.example/thanks&description=QR7K3M9XT&orderCode=${orderCode}&returnUrl=https://shop.example/thanks`,
      ),
    });

    expect(qr).toMatchObject({
      bank: { bin: '970448', accountNumber: '0123456789', accountName: 'CONG TY A' },
      transferContent: 'QR7K3M9XT',
      providerReference: String(orderCode),
      virtualAccount: null,
      providerData: { paymentLinkId: 'link-1', checkoutUrl: 'https://pay.payos.vn/web/link-1', orderCode },
    });
  });

  it('sends the payer back to the checkout page when the order has no returnUrl', async () => {
    const { fetch, sent } = recordingFetch(created);
    await createQr(payosAccount(), orderRequest({ returnUrl: null }), context(fetch));
    expect(sent[0]?.json).toMatchObject({ returnUrl: 'https://router.test/pay/ord_test1', cancelUrl: 'https://router.test/pay/ord_test1' });
  });

  it('gives every order its own safe-integer orderCode', async () => {
    const { fetch, sent } = recordingFetch(created);
    for (let i = 0; i < 20; i++) await createQr(payosAccount(), orderRequest(), context(fetch));
    const codes = sent.map((r) => r.json?.orderCode as number);
    expect(new Set(codes).size).toBe(20);
    for (const code of codes) expect(code > 0 && code <= Number.MAX_SAFE_INTEGER).toBe(true);
  });

  it('calls the production API when no base URL is configured', async () => {
    const { fetch, sent } = recordingFetch(created);
    await createQr(payosAccount({ baseUrl: null, mode: 'live' }), orderRequest(), context(fetch));
    expect(sent[0]?.url).toBe('https://api-merchant.payos.vn/v2/payment-requests');
  });

  it.each([
    [
      'a 200 with code != "00"',
      () => jsonResponse(200, { code: '231', desc: 'Đơn thanh toán đã tồn tại', data: null }),
      '231',
      'Đơn thanh toán đã tồn tại',
    ],
    ['a 401 with payOS body', () => jsonResponse(401, { code: '401', desc: 'Unauthorized', data: null }), '401', 'Unauthorized'],
    // An answer in no format of payOS's is described by its status alone: its body never reaches the merchant.
    ['a 500 with text', () => new Response('upstream exploded', { status: 500 }), 'HTTP_500', 'payos error HTTP_500: HTTP 500'],
    ['a 200 that is not JSON', () => new Response('<html>', { status: 200 }), 'BAD_RESPONSE', 'not JSON'],
    ['a 200 without data', () => jsonResponse(200, { code: '00', desc: 'success', data: null }), 'BAD_RESPONSE', 'data'],
    ['a timeout', () => Promise.reject(new DOMException('timed out', 'TimeoutError')), 'TIMEOUT', '10 s'],
    ['a network failure', () => Promise.reject(new TypeError('Network connection lost')), 'NETWORK', 'Network connection lost'],
  ])('maps %s to a 502 ProviderError', async (_name, reply, code, message) => {
    const { fetch } = recordingFetch(reply);
    const error = await thrown(createQr(payosAccount(), orderRequest(), context(fetch)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502, provider: 'payos', code });
    expect((error as ProviderError).detail).toContain(message);
  });
});
