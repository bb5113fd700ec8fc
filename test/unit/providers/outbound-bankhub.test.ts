import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/lib/problem';
import { createQr } from '../../../src/providers/bankhub/create-qr';
import { exchangeForAccessToken, startLink } from '../../../src/providers/bankhub/link';
import { ProviderError } from '../../../src/providers/errors';
import { account, context, jsonResponse, orderRequest, recordingFetch, thrown, vietQr } from '../../fixtures/outbound-reference';

const creds = { clientId: 'bh-client', secretKey: 'bh-secret', accessToken: 'bh-access-token' };
const bankhubAccount = (overrides = {}) =>
  account('bankhub', { clientId: creds.clientId }, { secretKey: creds.secretKey, accessToken: creds.accessToken }, overrides);
const client = { baseUrl: 'https://provider.test', clientId: creds.clientId, secretKey: creds.secretKey };

const qrPayAnswer = (json: Record<string, unknown> | null) => {
  const virtualAccountNumber = 'CAS123456789';
  return {
    qrPay: {
      id: 'qp-1',
      qrCode: vietQr({
        bin: '970448',
        accountNumber: virtualAccountNumber,
        amount: Number(json?.amount),
        content: String(json?.description),
      }),
      amount: json?.amount,
      description: json?.description,
      accountNumber: '0123456789',
      virtualAccountNumber,
      referenceNumber: json?.referenceNumber,
    },
  };
};

describe('BankHub QR Pay', () => {
  it('posts amount, payment code and a reference with the client headers and the raw access token', async () => {
    const { fetch, sent } = recordingFetch((request) => jsonResponse(200, qrPayAnswer(request.json)));
    const qr = await createQr(bankhubAccount(), orderRequest(), context(fetch));

    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe('https://provider.test/qr-pay');
    expect(request?.method).toBe('POST');
    expect(request?.headers).toMatchObject({
      'x-bankhub-api-version': '2023-01-01',
      'x-client-id': 'bh-client',
      'x-secret-key': 'bh-secret',
      authorization: 'bh-access-token',
      'content-type': 'application/json',
    });
    const referenceNumber = request?.json?.referenceNumber;
    expect(request?.json).toEqual({ amount: 123_000, description: 'QR7K3M9XT', referenceNumber });
    expect(referenceNumber).toMatch(/^[a-z0-9]{8,20}$/);

    expect(qr).toMatchObject({
      payload: qrPayAnswer(request?.json ?? null).qrPay.qrCode,
      bank: { bin: '970448', accountNumber: 'CAS123456789' },
      transferContent: 'QR7K3M9XT',
      providerReference: referenceNumber,
      virtualAccount: 'CAS123456789',
    });
  });

  it('uses a new reference number for every order', async () => {
    const { fetch, sent } = recordingFetch((request) => jsonResponse(200, qrPayAnswer(request.json)));
    await createQr(bankhubAccount(), orderRequest(), context(fetch));
    await createQr(bankhubAccount(), orderRequest(), context(fetch));
    expect(sent[0]?.json?.referenceNumber).not.toBe(sent[1]?.json?.referenceNumber);
  });

  it('calls the sandbox host for a test-mode account without a base URL', async () => {
    const { fetch, sent } = recordingFetch((request) => jsonResponse(200, qrPayAnswer(request.json)));
    await createQr(bankhubAccount({ baseUrl: null }), orderRequest(), context(fetch));
    expect(sent[0]?.url).toBe('https://sandbox.bankhub.dev/qr-pay');
  });

  it.each([
    [
      'a 401 with BankHub error body',
      () => jsonResponse(401, { errorCode: 'UNAUTHORIZED', errorType: 'INVALID_REQUEST', errorMessage: 'token invalid' }),
      'UNAUTHORIZED',
      'token invalid',
    ],
    [
      'a 400 GRANT_NOT_FOUND',
      () => jsonResponse(400, { errorCode: 'GRANT_NOT_FOUND', errorType: 'INVALID_GRANT', errorMessage: 'grant was revoked' }),
      'GRANT_NOT_FOUND',
      'grant was revoked',
    ],
    // An answer in no format of BankHub's is described by its status alone: its body never reaches the merchant.
    [
      'a 500 with an HTML page',
      () => new Response('<h1>Bad gateway</h1>', { status: 500 }),
      'HTTP_500',
      'bankhub error HTTP_500: HTTP 500',
    ],
    ['a 200 that is not JSON', () => new Response('OK', { status: 200 }), 'BAD_RESPONSE', 'not JSON'],
    ['a 200 without qrPay', () => jsonResponse(200, { requestId: 'r' }), 'BAD_RESPONSE', 'qrPay'],
    ['a 200 whose qrCode is not a VietQR', () => jsonResponse(200, { qrPay: { qrCode: 'hello' } }), 'BAD_QR', 'not a VietQR'],
    ['a timeout', () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), 'TIMEOUT', '10 s'],
    ['a network failure', () => Promise.reject(new TypeError('connection refused')), 'NETWORK', 'connection refused'],
  ])('maps %s to a 502 ProviderError', async (_name, reply, code, message) => {
    const { fetch } = recordingFetch(reply);
    const error = await thrown(createQr(bankhubAccount(), orderRequest(), context(fetch)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502, provider: 'bankhub', code });
    expect((error as ProviderError).detail).toContain(message);
  });
});

describe('BankHub linking', () => {
  it('asks /grant/token for a qrpay grant and builds a Link URL carrying it', async () => {
    const { fetch, sent } = recordingFetch(() => jsonResponse(200, { grantToken: 'grant-abc', requestId: 'r' }));
    const link = await startLink(context(fetch), client, 'https://shop.example/return', 'test');

    expect(sent[0]?.url).toBe('https://provider.test/grant/token');
    expect(sent[0]?.headers).toMatchObject({
      'x-client-id': 'bh-client',
      'x-secret-key': 'bh-secret',
      'x-bankhub-api-version': '2023-01-01',
    });
    expect(sent[0]?.headers.authorization).toBeUndefined();
    expect(sent[0]?.json).toMatchObject({ scopes: 'qrpay', redirectUri: 'https://shop.example/return' });
    expect(link.grantToken).toBe('grant-abc');
    const url = new URL(link.linkUrl);
    expect(url.origin).toBe('https://dev.link.bankhub.dev');
    expect(url.searchParams.get('grantToken')).toBe('grant-abc');
    expect(url.searchParams.get('redirectUri')).toBe('https://shop.example/return');
  });

  it('exchanges the public token and checks the identity with the new access token', async () => {
    const { fetch, sent } = recordingFetch((request) =>
      request.url.endsWith('/grant/exchange')
        ? jsonResponse(200, { accessToken: 'new-access', grantId: 'grant-1', requestId: 'r' })
        : jsonResponse(200, { accountNumber: '0123456789', accountName: 'CONG TY A', fiName: 'OCB' }),
    );
    const accessToken = await exchangeForAccessToken(context(fetch), client, 'public-1');

    expect(accessToken).toBe('new-access');
    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual(['POST /grant/exchange', 'GET /qr-pay/identity']);
    expect(sent[0]?.json).toEqual({ publicToken: 'public-1' });
    expect(sent[1]?.headers.authorization).toBe('new-access');
  });

  it('removes a grant whose identity BankHub refuses, and answers 422', async () => {
    const { fetch, sent } = recordingFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/grant/exchange') return jsonResponse(200, { accessToken: 'revoked-access', grantId: 'grant-revoked' });
      if (path === '/qr-pay/identity') return jsonResponse(400, { errorCode: 'GRANT_NOT_FOUND', errorMessage: 'grant was revoked' });
      return jsonResponse(200, { requestId: 'r' });
    });
    const error = await thrown(exchangeForAccessToken(context(fetch), client, 'public-revoked'));

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 422 });
    expect((error as HttpError).detail).toContain('GRANT_NOT_FOUND');
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(['/grant/exchange', '/qr-pay/identity', '/grant/remove']);
    expect(sent[2]?.json).toEqual({ grantId: 'grant-revoked' });
    expect(sent[2]?.headers).toMatchObject({ 'x-client-id': 'bh-client', 'x-secret-key': 'bh-secret' });
  });

  it('keeps the grant when the identity check fails for an outage (502)', async () => {
    const { fetch, sent } = recordingFetch((request) =>
      request.url.endsWith('/grant/exchange')
        ? jsonResponse(200, { accessToken: 'a', grantId: 'g' })
        : new Response('down', { status: 503 }),
    );
    const error = await thrown(exchangeForAccessToken(context(fetch), client, 'public-1'));
    expect(error).toMatchObject({ status: 502, code: 'HTTP_503' });
    expect(sent.map((r) => new URL(r.url).pathname)).not.toContain('/grant/remove');
  });

  it('answers 422 when BankHub refuses the public token or the client credentials', async () => {
    const { fetch } = recordingFetch(() => jsonResponse(400, { errorCode: 'INVALID_PARAM', errorMessage: 'publicToken is invalid' }));
    const exchange = await thrown(exchangeForAccessToken(context(fetch), client, 'nope'));
    expect(exchange).toMatchObject({ status: 422 });
    expect((exchange as HttpError).detail).toContain('publicToken is invalid');
    const link = await thrown(startLink(context(fetch), client, 'https://shop.example/return', 'live'));
    expect(link).toMatchObject({ status: 422 });
  });
});
