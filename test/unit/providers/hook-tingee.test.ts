import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallbackError } from '../../../src/providers/inbound/errors';
import { parseTingee, readTingeeSignature, tingeeFailure, tingeeSuccess, verifyTingee } from '../../../src/providers/tingee/hook';
import { flipBit, refHmacHex, vectors, vnCompact } from '../../fixtures/inbound-reference';

const SECRET = 'a3f1c0de9b8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817060504';
const now = new Date('2025-05-09T08:40:05.250Z');
const sample = vectors.tingee_notification.body;
const raw = JSON.stringify(sample);

async function signed(body: string, at = now, secret = SECRET) {
  const timestamp = vnCompact(at);
  return new Headers({ 'x-request-timestamp': timestamp, 'x-signature': await refHmacHex('SHA-512', secret, `${timestamp}:${body}`) });
}

async function accept(headers: Headers, body: string, at = now) {
  await verifyTingee(readTingeeSignature(headers, at), body, SECRET);
  return parseTingee(body, 'pa_tg', at);
}

describe('Tingee notification signature', () => {
  it('verifies HMAC-SHA512(secret, timestamp + ":" + raw body) with a UTC+7 timestamp', async () => {
    await expect(accept(await signed(raw), raw)).resolves.toMatchObject({ transactions: [{ providerTransactionId: 'FT25129000000001' }] });
  });

  it('verifies over the raw bytes, spacing and key order included', async () => {
    const pretty = JSON.stringify(sample, null, 2);
    await expect(accept(await signed(pretty), pretty)).resolves.toBeTruthy();
  });

  it("also accepts the SDK's form: the signature over the compact re-serialized body", async () => {
    const pretty = JSON.stringify(sample, null, 2);
    await expect(accept(await signed(raw), pretty)).resolves.toBeTruthy();
  });

  it('refuses another secret, a one-bit change of the body or of the signature', async () => {
    await expect(accept(await signed(raw, now, 'other-secret'), raw)).rejects.toMatchObject({ status: 401 });
    await expect(accept(await signed(raw), flipBit(raw, raw.indexOf('50000')))).rejects.toMatchObject({ status: 401 });
    const headers = await signed(raw);
    const signature = headers.get('x-signature') ?? '';
    headers.set('x-signature', flipBit(signature, signature.search(/\d/)));
    await expect(accept(headers, raw)).rejects.toMatchObject({ status: 401 });
  });

  it('a timestamp older (or newer) than 5 minutes is refused before the body is read', async () => {
    const stamped = await signed(raw, new Date(now.getTime() - 6 * 60_000));
    expect(() => readTingeeSignature(stamped, now)).toThrow(expect.objectContaining({ status: 401, code: 'STALE_TIMESTAMP' }));
    expect(() => readTingeeSignature(stamped, new Date(now.getTime() - 12 * 60_000))).toThrow(expect.objectContaining({ status: 401 }));
    expect(() => readTingeeSignature(stamped, new Date(now.getTime() - 60_000))).not.toThrow();
  });

  it('missing or malformed headers are 401', () => {
    const ts = vnCompact(now);
    const cases: Record<string, string>[] = [
      {},
      { 'x-request-timestamp': ts },
      { 'x-signature': 'a'.repeat(128) },
      { 'x-request-timestamp': ts.slice(0, 14), 'x-signature': 'a'.repeat(128) },
      { 'x-request-timestamp': ts, 'x-signature': 'a'.repeat(64) },
      { 'x-request-timestamp': '20251340000000000', 'x-signature': 'a'.repeat(128) },
    ];
    for (const headers of cases) {
      expect(() => readTingeeSignature(new Headers(headers), now), JSON.stringify(headers)).toThrow(
        expect.objectContaining({ status: 401 }),
      );
    }
  });

  it('a signed body that is not usable JSON is 400', async () => {
    for (const body of ['{"amount":', JSON.stringify({ ...sample, transactionCode: '' }), JSON.stringify({ ...sample, amount: 1.5 })]) {
      await expect(accept(await signed(body), body), body).rejects.toMatchObject({ status: 400 });
    }
  });
});

describe('Tingee notification body', () => {
  it('normalizes the SDK sample (bill id from additionalData, yyyyMMddHHmmss in UTC+7)', () => {
    expect(parseTingee(raw, 'pa_tg', now)).toEqual({
      transactions: [
        {
          provider: 'tingee',
          providerAccountId: 'pa_tg',
          providerTransactionId: 'FT25129000000001',
          amount: 50000,
          content: 'DH123 thanh toan',
          bankReference: 'FT25129000000001',
          accountNumber: '0123456789',
          virtualAccount: null,
          providerReference: 'B0001',
          counterAccount: null,
          occurredAt: '2025-05-09T08:40:04.000Z',
          raw,
        },
      ],
      ignored: [],
    });
  });

  it("reads the bill id in the plugin's shape too, and a VA account", () => {
    const body = JSON.stringify({ ...sample, vaAccountNumber: 'VA001', additionalData: [{ billId: 'B0002' }] });
    expect(parseTingee(body, 'pa_tg', now).transactions[0]).toMatchObject({ providerReference: 'B0002', virtualAccount: 'VA001' });
  });

  it('money going out is acknowledged and ignored', () => {
    expect(parseTingee(JSON.stringify({ ...sample, amount: -50000 }), 'pa_tg', now).transactions).toEqual([]);
  });

  it('answers {"code":"00","message":"OK"}, and errors in the same envelope', async () => {
    expect(await tingeeSuccess().json()).toEqual({ code: '00', message: 'OK' });
    const failure = tingeeFailure(new CallbackError(401, 'INVALID_SIGNATURE', 'x-signature does not match the body'));
    expect(failure.status).toBe(401);
    expect(await failure.json()).toEqual({ code: 'INVALID_SIGNATURE', message: 'x-signature does not match the body' });
  });
});

describe('Tingee round trip (property)', () => {
  it('sign → verify → parse gives back what was signed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          transactionCode: fc.stringMatching(/^FT\d{14}$/),
          amount: fc.integer({ min: 1, max: 500_000_000 }),
          content: fc.string({ unit: 'grapheme', maxLength: 60 }),
          accountNumber: fc.stringMatching(/^\d{6,19}$/),
          // From 2020 to a day ahead: the times a callback may carry (CONTRACT §6).
          at: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date(now.getTime() + 86_400_000), noInvalidDate: true }),
          skewMs: fc.integer({ min: -300_000, max: 300_000 }),
        }),
        async ({ transactionCode, amount, content, accountNumber, at, skewMs }) => {
          const body = JSON.stringify({ transactionCode, amount, content, accountNumber, transactionDate: vnCompact(at, false) });
          const headers = await signed(body, new Date(now.getTime() + skewMs));
          const [tx] = (await accept(headers, body)).transactions;
          expect(tx).toMatchObject({ providerTransactionId: transactionCode, amount, content, accountNumber, raw: body });
          expect(tx?.occurredAt).toBe(new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString());
        },
      ),
      { numRuns: 60 },
    );
  });
});
