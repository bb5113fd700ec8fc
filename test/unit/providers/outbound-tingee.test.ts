import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { createQr } from '../../../src/providers/tingee/create-qr';
import type { ProviderAccount } from '../../../src/providers/types';
import {
  account,
  context,
  hmacHex,
  jsonResponse,
  NOW,
  orderRequest,
  recordingFetch,
  type SentRequest,
  thrown,
  vietQr,
} from '../../fixtures/outbound-reference';

const SECRET = 'tingee-secret-token';
const tingeeAccount = (overrides: Partial<ProviderAccount> = {}) =>
  account('tingee', { clientId: 'tingee-client', bankName: 'MBB', accountNumber: '0123456789' }, { secretToken: SECRET }, overrides);

const generated = (request: SentRequest, qrAccount?: string) => {
  const json = request.json ?? {};
  const qrCode = vietQr({
    bin: '970422',
    accountNumber: qrAccount ?? String(json.accountNumber),
    amount: Number(json.amount),
    content: String(json.content),
  });
  return jsonResponse(200, {
    code: '00',
    message: 'Success',
    data: { qrCode, qrCodeImage: '', qrAccount: qrAccount ?? json.accountNumber, referenceLabelCode: 'ref123' },
  });
};

describe('Tingee generate-viet-qr', () => {
  it('signs the exact body with HMAC-SHA512 over "timestamp:body", timestamp in Vietnam time', async () => {
    const { fetch, sent } = recordingFetch((request) => generated(request));
    const qr = await createQr(tingeeAccount(), orderRequest(), context(fetch));

    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.url).toBe('https://provider.test/v1/generate-viet-qr');
    // NOW is 10:00:00.000 UTC, i.e. 17:00:00.000 in Vietnam.
    expect(request?.headers['x-request-timestamp']).toBe('20261121170000000');
    expect(request?.headers['x-client-id']).toBe('tingee-client');
    expect(request?.headers['x-signature']).toBe(await hmacHex('SHA-512', SECRET, `20261121170000000:${request?.body}`));
    expect(request?.json).toEqual({ bankName: 'MBB', accountNumber: '0123456789', amount: 123_000, content: 'QR7K3M9XT' });

    expect(qr).toMatchObject({
      bank: { bin: '970422', accountNumber: '0123456789' },
      transferContent: 'QR7K3M9XT',
      providerReference: 'ref123',
      virtualAccount: null,
    });
  });

  it('formats the timestamp across a Vietnam date change', async () => {
    const { fetch, sent } = recordingFetch((request) => generated(request));
    await createQr(
      tingeeAccount(),
      orderRequest(),
      context(fetch, () => new Date('2026-12-31T17:30:05.042Z')),
    );
    expect(sent[0]?.headers['x-request-timestamp']).toBe('20270101003005042');
  });

  it('reports a per-order account Tingee returns as the virtual account', async () => {
    const { fetch } = recordingFetch((request) => generated(request, 'VA998877'));
    const qr = await createQr(tingeeAccount(), orderRequest(), context(fetch));
    expect(qr.virtualAccount).toBe('VA998877');
    expect(qr.bank.accountNumber).toBe('VA998877');
  });

  it("falls back to the SDK's path when the documented one is 404, signing it afresh", async () => {
    const { fetch, sent } = recordingFetch((request) =>
      request.url.endsWith('/v1/bank/generate-viet-qr') ? generated(request) : jsonResponse(404, { code: '404', message: 'Not found' }),
    );
    let now = NOW.getTime();
    await createQr(
      tingeeAccount(),
      orderRequest(),
      context(fetch, () => {
        now += 7;
        return new Date(now);
      }),
    );
    expect(sent.map((r) => new URL(r.url).pathname)).toEqual(['/v1/generate-viet-qr', '/v1/bank/generate-viet-qr']);
    const retry = sent[1];
    expect(retry?.headers['x-request-timestamp']).not.toBe(sent[0]?.headers['x-request-timestamp']);
    expect(retry?.headers['x-signature']).toBe(await hmacHex('SHA-512', SECRET, `${retry?.headers['x-request-timestamp']}:${retry?.body}`));
  });

  it('uses the UAT host for a test-mode account without a base URL', async () => {
    const { fetch, sent } = recordingFetch((request) => generated(request));
    await createQr(tingeeAccount({ baseUrl: null }), orderRequest(), context(fetch));
    expect(sent[0]?.url).toBe('https://uat-open-api.tingee.vn/v1/generate-viet-qr');
  });

  it.each([
    [
      'a 200 with code != "00"',
      () => jsonResponse(200, { code: '99', message: 'Account not linked', data: null }),
      '99',
      'Account not linked',
    ],
    ['a 401 with Tingee body', () => jsonResponse(401, { code: '401', message: 'Invalid signature' }), '401', 'Invalid signature'],
    ['a 500 without body', () => new Response('', { status: 500 }), 'HTTP_500', 'HTTP 500'],
    ['a 200 without data', () => jsonResponse(200, { code: '00', message: 'ok' }), 'BAD_RESPONSE', 'data'],
    ['a timeout', () => Promise.reject(new DOMException('timed out', 'TimeoutError')), 'TIMEOUT', '10 s'],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed')), 'NETWORK', 'fetch failed'],
  ])('maps %s to a 502 ProviderError', async (_name, reply, code, message) => {
    const { fetch } = recordingFetch(reply);
    const error = await thrown(createQr(tingeeAccount(), orderRequest(), context(fetch)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502, provider: 'tingee', code });
    expect((error as ProviderError).detail).toContain(message);
  });
});
