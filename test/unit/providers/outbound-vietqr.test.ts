import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import type { ProviderAccount } from '../../../src/providers/types';
import { createQr } from '../../../src/providers/vietqr/create-qr';
import type { SentRequest } from '../../fixtures/outbound-reference';
import { account, context, jsonResponse, NOW, orderRequest, recordingFetch, thrown, vietQr } from '../../fixtures/outbound-reference';

const vietqrAccount = (overrides: Partial<ProviderAccount> = {}) =>
  account(
    'vietqr',
    { bankCode: 'MB', bankAccount: '0987654321', userBankName: 'NGUYEN VAN A' },
    { username: 'vqr-user', password: 'vqr-pass', callbackUsername: 'cb-user', callbackPassword: 'cb-pass' },
    overrides,
  );

const BASIC = `Basic ${btoa('vqr-user:vqr-pass')}`;

/** A fake VietQR.vn API: a new token per token_generate, QR codes only for a token it issued. */
function fakeVietqr(options: { expiresIn?: number; generate?: (request: SentRequest) => Response | undefined } = {}) {
  let issued = 0;
  const live = new Set<string>();
  const recorder = recordingFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('/api/token_generate')) {
      if (request.headers.authorization !== BASIC) return jsonResponse(400, { status: 'FAILED', message: 'E74' });
      // Let concurrent callers pile up before answering, as a real network would.
      await new Promise((resolve) => setTimeout(resolve, 5));
      issued += 1;
      live.add(`token-${issued}`);
      return jsonResponse(200, { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: options.expiresIn ?? 300 });
    }
    const custom = options.generate?.(request);
    if (custom) return custom;
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !live.has(token))
      return jsonResponse(401, { error: true, errorReason: 'INVALID_TOKEN', toastMessage: 'token expired', object: null });
    const json = request.json ?? {};
    return jsonResponse(200, {
      bankCode: json.bankCode,
      bankName: 'MB Bank',
      bankAccount: json.bankAccount,
      userBankName: json.userBankName,
      amount: String(json.amount),
      content: `VQR1A2B3C ${json.content}`,
      qrCode: vietQr({
        bin: '970422',
        accountNumber: String(json.bankAccount),
        amount: Number(json.amount),
        content: `VQR1A2B3C ${json.content}`,
      }),
      orderId: json.orderId,
      transactionId: 'tx-1',
      transactionRefId: 'ref-1',
    });
  });
  return {
    ...recorder,
    revoke: () => live.clear(),
    tokenCalls: () => recorder.sent.filter((r) => r.url.endsWith('/api/token_generate')).length,
  };
}

describe('VietQR.vn generate-customer', () => {
  it('gets a token with Basic auth, then asks for a dynamic QR carrying the payment code', async () => {
    const fake = fakeVietqr();
    const qr = await createQr(vietqrAccount(), orderRequest(), context(fake.fetch));

    const [token, generate] = fake.sent;
    expect(token?.url).toBe('https://provider.test/api/token_generate');
    expect(token?.method).toBe('POST');
    expect(token?.headers.authorization).toBe(BASIC);
    expect(generate?.url).toBe('https://provider.test/api/qr/generate-customer');
    expect(generate?.headers.authorization).toBe('Bearer token-1');
    const orderId = generate?.json?.orderId;
    expect(generate?.json).toEqual({
      bankCode: 'MB',
      bankAccount: '0987654321',
      userBankName: 'NGUYEN VAN A',
      content: 'QR7K3M9XT',
      qrType: 0,
      amount: 123_000,
      orderId,
      transType: 'C',
    });
    expect(orderId).toMatch(/^[A-Za-z0-9]{1,13}$/);

    expect(qr).toMatchObject({
      bank: { bin: '970422', accountNumber: '0987654321', accountName: 'NGUYEN VAN A' },
      transferContent: 'VQR1A2B3C QR7K3M9XT',
      providerReference: orderId,
      virtualAccount: null,
    });
    expect(qr.payload).toMatch(/^000201/);
  });

  it('keeps the base path of the configured host and defaults to the sandbox in test mode', async () => {
    const fake = fakeVietqr();
    await createQr(vietqrAccount({ baseUrl: null }), orderRequest(), context(fake.fetch));
    expect(fake.sent.map((r) => r.url)).toEqual([
      'https://dev.vietqr.org/vqr/api/token_generate',
      'https://dev.vietqr.org/vqr/api/qr/generate-customer',
    ]);
  });

  it('uses one token for ten orders in a row', async () => {
    const fake = fakeVietqr();
    const paying = vietqrAccount();
    for (let i = 0; i < 10; i++) await createQr(paying, orderRequest(), context(fake.fetch));
    expect(fake.tokenCalls()).toBe(1);
    expect(fake.sent).toHaveLength(11);
  });

  it('shares one token request among ten concurrent orders', async () => {
    const fake = fakeVietqr();
    const paying = vietqrAccount();
    const qrs = await Promise.all(Array.from({ length: 10 }, () => createQr(paying, orderRequest(), context(fake.fetch))));
    expect(qrs).toHaveLength(10);
    expect(fake.tokenCalls()).toBe(1);
  });

  it('keeps a token per account', async () => {
    const fake = fakeVietqr();
    await createQr(vietqrAccount(), orderRequest(), context(fake.fetch));
    await createQr(vietqrAccount(), orderRequest(), context(fake.fetch));
    expect(fake.tokenCalls()).toBe(2);
  });

  it('after a rotation (PATCH) of the password, the token issued under the old one is not reused', async () => {
    const fake = fakeVietqr();
    const paying = vietqrAccount();
    await createQr(paying, orderRequest(), context(fake.fetch));
    const rotated = { ...paying, credentials: { ...paying.credentials, password: 'vqr-pass-rotated' } };
    // The fake knows only the old password: the new token request is refused, so no order goes out on the old token.
    expect(await thrown(createQr(rotated, orderRequest(), context(fake.fetch)))).toBeInstanceOf(ProviderError);
    expect(fake.tokenCalls()).toBe(2);
    expect(fake.sent.at(-1)?.headers.authorization).toBe(`Basic ${btoa('vqr-user:vqr-pass-rotated')}`);
  });

  it('fetches a new token shortly before the old one expires', async () => {
    const fake = fakeVietqr({ expiresIn: 300 });
    const paying = vietqrAccount();
    let now = NOW.getTime();
    const ctx = context(fake.fetch, () => new Date(now));
    await createQr(paying, orderRequest(), ctx);
    now += 200_000;
    await createQr(paying, orderRequest(), ctx);
    expect(fake.tokenCalls()).toBe(1);
    now += 90_000; // 290 s after issue: inside the refresh margin
    await createQr(paying, orderRequest(), ctx);
    expect(fake.tokenCalls()).toBe(2);
    expect(fake.sent.at(-1)?.headers.authorization).toBe('Bearer token-2');
  });

  it('replaces a token VietQR no longer accepts and retries once', async () => {
    const fake = fakeVietqr();
    const paying = vietqrAccount();
    await createQr(paying, orderRequest(), context(fake.fetch));
    fake.revoke();
    const qr = await createQr(paying, orderRequest(), context(fake.fetch));
    expect(qr.payload).toMatch(/^000201/);
    expect(fake.tokenCalls()).toBe(2);
  });

  it('does not cache a failed token request', async () => {
    let fail = true;
    const fake = fakeVietqr();
    const flaky = recordingFetch((request) => {
      if (fail && request.url.endsWith('/api/token_generate')) return jsonResponse(500, { status: 'FAILED', message: 'E05 - internal' });
      return fake.fetch(request.url, { method: request.method, headers: request.headers, body: request.body || undefined });
    });
    const paying = vietqrAccount();
    const error = await thrown(createQr(paying, orderRequest(), context(flaky.fetch)));
    expect(error).toMatchObject({ status: 502, code: 'E05' });
    fail = false;
    await createQr(paying, orderRequest(), context(flaky.fetch));
    expect(fake.tokenCalls()).toBe(1);
  });

  it('maps a refused token request to a 502 ProviderError and asks for no QR', async () => {
    const fake = fakeVietqr();
    const wrong = account('vietqr', { bankCode: 'MB', bankAccount: '1', userBankName: 'A' }, { username: 'other', password: 'x' });
    const error = await thrown(createQr(wrong, orderRequest(), context(fake.fetch)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502, provider: 'vietqr', code: 'E74' });
    expect(fake.sent).toHaveLength(1);
  });

  it.each([
    ['a 400 FAILED body', () => jsonResponse(400, { status: 'FAILED', message: 'E46: content is invalid' }), 'E46', 'content is invalid'],
    ['a 200 FAILED body', () => jsonResponse(200, { status: 'FAILED', message: 'E77' }), 'E77', 'E77'],
    [
      'a 401 error body',
      () => jsonResponse(401, { error: true, errorReason: 'INVALID_TOKEN', toastMessage: 'bad token', object: null }),
      'INVALID_TOKEN',
      'bad token',
    ],
    ['a 502 without body', () => new Response('', { status: 502 }), 'HTTP_502', 'HTTP 502'],
    ['a 200 without qrCode', () => jsonResponse(200, { content: 'x' }), 'BAD_RESPONSE', 'qrCode'],
  ])('maps generate-customer %s to a 502 ProviderError', async (_name, reply, code, message) => {
    const fake = fakeVietqr({ generate: reply });
    const error = await thrown(createQr(vietqrAccount(), orderRequest(), context(fake.fetch)));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 502, provider: 'vietqr', code });
    expect((error as ProviderError).detail).toContain(message);
  });

  it('maps a timeout to a 502 ProviderError', async () => {
    const { fetch } = recordingFetch(() => Promise.reject(new DOMException('timed out', 'TimeoutError')));
    const error = await thrown(createQr(vietqrAccount(), orderRequest(), context(fetch)));
    expect(error).toMatchObject({ status: 502, provider: 'vietqr', code: 'TIMEOUT' });
  });
});
