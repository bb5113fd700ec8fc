import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSepay, readSepayAuth, verifySepay } from '../../../src/providers/sepay/hook';
import { flipBit, refHmacHex, vectors, vnDateTime } from '../../fixtures/inbound-reference';

const keys = { apiKey: 'sk-sepay-0123456789abcdef', webhookSecret: 'whsec_c2VwYXktdGVzdC1zZWNyZXQ' };
const now = new Date('2026-02-01T03:00:00Z');
const sample = vectors.sepay_webhook.body;
const raw = JSON.stringify(sample);

async function hmacHeaders(body: string, at = now, secret = keys.webhookSecret) {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return new Headers({
    'x-sepay-timestamp': timestamp,
    'x-sepay-signature': `sha256=${await refHmacHex('SHA-256', secret, `${timestamp}.${body}`)}`,
  });
}

async function accept(headers: Headers, body: string, accountKeys: { apiKey: string | null; webhookSecret: string | null } = keys) {
  await verifySepay(readSepayAuth(headers, now), body, accountKeys);
  return parseSepay(body, 'pa_sp', now);
}

describe('SePay authentication', () => {
  it('accepts Authorization: Apikey <apiKey>', async () => {
    await expect(accept(new Headers({ authorization: `Apikey ${keys.apiKey}` }), raw)).resolves.toMatchObject({
      transactions: [{ providerTransactionId: '123456' }],
    });
  });

  it('refuses a wrong Apikey, or an Apikey when the account only has an HMAC secret', async () => {
    await expect(accept(new Headers({ authorization: `Apikey ${flipBit(keys.apiKey, 3)}` }), raw)).rejects.toMatchObject({ status: 401 });
    await expect(
      accept(new Headers({ authorization: `Apikey ${keys.apiKey}` }), raw, { apiKey: null, webhookSecret: keys.webhookSecret }),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it('accepts X-SePay-Signature: sha256=HMAC(secret, timestamp + "." + raw body)', async () => {
    await expect(accept(await hmacHeaders(raw), raw)).resolves.toMatchObject({ transactions: [{ amount: 1700000 }] });
  });

  it('refuses an HMAC with another secret, a changed body, or when the account has only an API key', async () => {
    await expect(accept(await hmacHeaders(raw, now, 'other'), raw)).rejects.toMatchObject({ status: 401 });
    await expect(accept(await hmacHeaders(raw), flipBit(raw, raw.indexOf('1700000')))).rejects.toMatchObject({ status: 401 });
    await expect(accept(await hmacHeaders(raw), raw, { apiKey: keys.apiKey, webhookSecret: null })).rejects.toMatchObject({ status: 401 });
  });

  it('refuses an HMAC timestamp more than 5 minutes away, before the body is read', async () => {
    for (const skew of [-6 * 60_000, 6 * 60_000]) {
      const headers = await hmacHeaders(raw, new Date(now.getTime() + skew));
      expect(() => readSepayAuth(headers, now)).toThrow(expect.objectContaining({ status: 401, code: 'STALE_TIMESTAMP' }));
    }
    expect(() =>
      readSepayAuth(
        new Headers({ 'x-sepay-timestamp': String(now.getTime() / 1000 - 290), 'x-sepay-signature': `sha256=${'a'.repeat(64)}` }),
        now,
      ),
    ).not.toThrow();
  });

  it('refuses requests presenting no proof at all', () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Bearer x' },
      { authorization: 'Apikey' },
      { 'x-sepay-signature': `sha256=${'a'.repeat(64)}` },
      { 'x-sepay-timestamp': '1', 'x-sepay-signature': 'a'.repeat(64) },
    ];
    for (const headers of cases)
      expect(() => readSepayAuth(new Headers(headers), now), JSON.stringify(headers)).toThrow(expect.objectContaining({ status: 401 }));
  });
});

describe('SePay webhook body', () => {
  it('normalizes the README sample (UTC+7 time, referenceCode, numeric id as a string)', () => {
    expect(parseSepay(raw, 'pa_sp', now)).toEqual({
      transactions: [
        {
          provider: 'sepay',
          providerAccountId: 'pa_sp',
          providerTransactionId: '123456',
          amount: 1700000,
          content: 'Thanh toan QR SE123456',
          bankReference: 'FT123456789',
          accountNumber: '0359123456',
          virtualAccount: null,
          providerReference: null,
          counterAccount: null,
          occurredAt: '2024-05-25T14:11:02.000Z',
          raw,
        },
      ],
      ignored: [],
    });
  });

  it('transferType "out" is acknowledged and ignored', () => {
    expect(parseSepay(JSON.stringify({ ...sample, transferType: 'out' }), 'pa_sp', now)).toEqual({
      transactions: [],
      ignored: [{ providerTransactionId: '123456', reason: 'transferType out' }],
    });
  });

  it('a sub-account is the virtual account', () => {
    expect(parseSepay(JSON.stringify({ ...sample, subAccount: 'VA0042' }), 'pa_sp', now).transactions[0]?.virtualAccount).toBe('VA0042');
  });

  it('malformed bodies are 400', () => {
    const bodies = [
      'x',
      '[]',
      JSON.stringify({ ...sample, id: null }),
      JSON.stringify({ ...sample, transferAmount: 1.5 }),
      JSON.stringify({ ...sample, transferType: 'sideways' }),
    ];
    for (const body of bodies) expect(() => parseSepay(body, 'pa_sp', now), body).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('round trip (property): HMAC-sign → verify → parse gives back what was signed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          id: fc.integer({ min: 1, max: 2 ** 40 }),
          transferAmount: fc.integer({ min: 1, max: 500_000_000 }),
          content: fc.string({ unit: 'grapheme', maxLength: 60 }),
          accountNumber: fc.stringMatching(/^\d{6,19}$/),
          referenceCode: fc.stringMatching(/^[A-Z]{2,5}\.\d{6,12}$/),
          // From 2020 to a day ahead: the times a callback may carry (CONTRACT §6).
          at: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date(now.getTime() + 86_400_000), noInvalidDate: true }),
        }),
        async ({ at, ...fields }) => {
          const body = JSON.stringify({ ...fields, transferType: 'in', transactionDate: vnDateTime(at), subAccount: null });
          const [tx] = (await accept(await hmacHeaders(body), body)).transactions;
          expect(tx).toMatchObject({
            providerTransactionId: String(fields.id),
            amount: fields.transferAmount,
            content: fields.content,
            accountNumber: fields.accountNumber,
            bankReference: fields.referenceCode,
            occurredAt: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(),
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
