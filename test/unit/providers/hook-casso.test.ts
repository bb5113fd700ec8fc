import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCasso, readCassoSignature, verifyCasso } from '../../../src/providers/casso/hook';
import { cassoHeader, flipBit, refHmacHex, sortedJson, vectors, vnDateTime } from '../../fixtures/inbound-reference';

const vector = vectors.casso_v2_signature;
const signedAt = new Date(1727948258788);
const raw = JSON.stringify(vector.body);

async function accept(header: string, body: string, key: string, now: Date) {
  const verified = await verifyCasso(readCassoSignature(header, now), body, key);
  return parseCasso(verified, body, 'pa_casso', now);
}

describe('Casso webhook v2 signature', () => {
  it('verifies the published vector (clock set to its timestamp)', async () => {
    const batch = await accept(vector.header, raw, vector.checksumKey, signedAt);
    expect(batch.transactions).toHaveLength(1);
  });

  it('verifies whatever key order and spacing the body arrives in', async () => {
    const reordered = JSON.stringify({ data: Object.fromEntries(Object.entries(vector.body.data).reverse()), error: 0 }, null, 2);
    await expect(accept(vector.header, reordered, vector.checksumKey, signedAt)).resolves.toBeTruthy();
  });

  it('refuses a one-bit change anywhere: signature, timestamp, body or key', async () => {
    const [, t, v1] = /^t=(\d+),v1=(\w+)$/.exec(vector.header) ?? [];
    const digitAt = (v1 ?? '').search(/\d/);
    const flippedSig = `t=${t},v1=${flipBit(v1 ?? '', digitAt)}`;
    await expect(accept(flippedSig, raw, vector.checksumKey, signedAt)).rejects.toMatchObject({ status: 401 });
    const flippedT = `t=${Number(t) + 1},v1=${v1}`;
    await expect(accept(flippedT, raw, vector.checksumKey, signedAt)).rejects.toMatchObject({ status: 401 });
    const amountAt = raw.indexOf('599000');
    await expect(accept(vector.header, flipBit(raw, amountAt + 5), vector.checksumKey, signedAt)).rejects.toMatchObject({ status: 401 });
    await expect(accept(vector.header, raw, flipBit(vector.checksumKey, 0), signedAt)).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a timestamp more than 5 minutes away, before looking at the body', () => {
    const justIn = new Date(signedAt.getTime() + 5 * 60_000);
    expect(() => readCassoSignature(vector.header, justIn)).not.toThrow();
    for (const skew of [5 * 60_000 + 1, -(5 * 60_000 + 1), 24 * 3600_000]) {
      expect(() => readCassoSignature(vector.header, new Date(signedAt.getTime() + skew))).toThrow(
        expect.objectContaining({ status: 401 }),
      );
    }
  });

  it('refuses a missing or malformed header', () => {
    for (const header of [
      undefined,
      '',
      'sha256=abc',
      `t=${signedAt.getTime()}`,
      `t=abc,v1=${'0'.repeat(128)}`,
      `t=1,v1=${'0'.repeat(64)}`,
    ]) {
      expect(() => readCassoSignature(header, signedAt), String(header)).toThrow(expect.objectContaining({ status: 401 }));
    }
  });

  it('accepts the PHP json_encode form of the same body (escaped slashes and \\u-escaped Vietnamese)', async () => {
    const body = { error: 0, data: { ...vector.body.data, description: 'Thanh toán đơn 1/2' } };
    const php = sortedJson(body)
      .replace(/\//g, '\\/')
      .replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const t = signedAt.getTime();
    const header = `t=${t},v1=${await refHmacHex('SHA-512', 'k', `${t}.${php}`)}`;
    const batch = await accept(header, JSON.stringify(body), 'k', signedAt);
    expect(batch.transactions[0]?.content).toBe('Thanh toán đơn 1/2');
  });

  it('a body that is not JSON: 400 when signed as sent, 401 when not', async () => {
    const t = signedAt.getTime();
    const garbage = '{"error":0,"data":';
    const signed = `t=${t},v1=${await refHmacHex('SHA-512', 'k', `${t}.${garbage}`)}`;
    await expect(accept(signed, garbage, 'k', signedAt)).rejects.toMatchObject({ status: 400 });
    await expect(accept(signed, garbage, 'other', signedAt)).rejects.toMatchObject({ status: 401 });
  });

  it('an account without a checksum key accepts nothing', async () => {
    await expect(verifyCasso(readCassoSignature(vector.header, signedAt), raw, null)).rejects.toMatchObject({ status: 401 });
  });
});

describe('Casso webhook v2 body', () => {
  it('normalizes the published sample', async () => {
    const { transactions, ignored } = await accept(vector.header, raw, vector.checksumKey, signedAt);
    expect(ignored).toEqual([]);
    expect(transactions[0]).toEqual({
      provider: 'casso',
      providerAccountId: 'pa_casso',
      providerTransactionId: '0',
      amount: 599000,
      content: 'giao dich thu nghiem',
      bankReference: 'MA_GIAO_DICH_THU_NGHIEM',
      accountNumber: '88888888',
      virtualAccount: null,
      providerReference: null,
      counterAccount: { bankBin: '970415', accountNumber: '8888888888', name: 'NGUYEN VAN A' },
      occurredAt: '2024-10-03T08:06:37.000Z',
      raw,
    });
  });

  it('money going out (negative amount) is acknowledged and ignored', () => {
    const out = { error: 0, data: { ...vector.body.data, id: 7, amount: -50000 } };
    expect(parseCasso(out, JSON.stringify(out), 'pa_casso', signedAt)).toEqual({
      transactions: [],
      ignored: [{ providerTransactionId: '7', reason: 'not incoming money' }],
    });
  });

  it('a signed body without data, id or an integer amount is malformed (400)', () => {
    const bodies = [
      { error: 0 },
      { error: 0, data: 'x' },
      { error: 0, data: { ...vector.body.data, id: null } },
      { error: 0, data: { ...vector.body.data, amount: 10.5 } },
      { error: 0, data: { ...vector.body.data, amount: '10k' } },
    ];
    for (const body of bodies) {
      expect(() => parseCasso(body, JSON.stringify(body), 'pa_casso', signedAt), JSON.stringify(body)).toThrow(
        expect.objectContaining({ status: 400 }),
      );
    }
  });

  it('a missing transaction time is when we received it; an unreadable or implausible one is 400 (CONTRACT §6)', () => {
    const parse = (transactionDateTime: unknown) => {
      const body = { error: 0, data: { ...vector.body.data, transactionDateTime } };
      return () => parseCasso(body, JSON.stringify(body), 'pa_casso', signedAt);
    };
    for (const missing of [undefined, null, '']) expect(parse(missing)().transactions[0]?.occurredAt).toBe(signedAt.toISOString());
    for (const bad of ['soon', '2026-02-30 25:61:00', '2019-12-31 23:59:59', '2024-10-05 15:06:37', 20241003150637, {}]) {
      expect(parse(bad), String(bad)).toThrow(expect.objectContaining({ status: 400, code: 'INVALID_BODY' }));
    }
  });
});

describe('Casso round trip (property)', () => {
  it('sign → verify → parse gives back what was signed', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          id: fc.integer({ min: 0, max: 2 ** 31 }),
          amount: fc.integer({ min: 1, max: 500_000_000 }),
          description: fc.string({ unit: 'grapheme', maxLength: 60 }),
          reference: fc.stringMatching(/^[A-Z0-9]{6,20}$/),
          accountNumber: fc.stringMatching(/^\d{6,19}$/),
          // From 2020 to a day ahead: the times a callback may carry (CONTRACT §6).
          at: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date(now.getTime() + 86_400_000), noInvalidDate: true }),
          key: fc.string({ minLength: 1, maxLength: 64 }),
          skewMs: fc.integer({ min: -300_000, max: 300_000 }),
        }),
        async ({ id, amount, description, reference, accountNumber, at, key, skewMs }) => {
          const body = {
            error: 0,
            data: {
              id,
              reference,
              description,
              amount,
              transactionDateTime: vnDateTime(at),
              accountNumber,
              virtualAccountNumber: '',
              counterAccountNumber: '',
            },
          };
          const t = now.getTime() + skewMs;
          const text = JSON.stringify(body);
          const [tx] = (await accept(await cassoHeader(key, t, body), text, key, now)).transactions;
          expect(tx).toMatchObject({
            providerTransactionId: String(id),
            amount,
            content: description,
            bankReference: reference,
            accountNumber,
            raw: text,
          });
          expect(tx?.occurredAt).toBe(new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString());
        },
      ),
      { numRuns: 60 },
    );
  });
});
