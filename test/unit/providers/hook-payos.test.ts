import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePayos, payosDataString, verifyPayos } from '../../../src/providers/payos/hook';
import { flipBit, payosText, refHmacHex, vectors, vnDateTime } from '../../fixtures/inbound-reference';

const vector = vectors.payos_webhook_signature;
const raw = JSON.stringify(vector.body);
const now = new Date('2026-01-01T00:00:00Z');

async function accept(body: string, key = vector.checksumKey) {
  return parsePayos(await verifyPayos(body, key), body, 'pa_po', now);
}

describe('payOS webhook signature', () => {
  it('verifies the published vector', async () => {
    await expect(accept(raw)).resolves.toMatchObject({ transactions: [{ providerTransactionId: 'TF230204212323' }] });
  });

  it('refuses a one-bit change of the signature, of any data field, or another key', async () => {
    const signature = vector.body.signature;
    const forged = JSON.stringify({ ...vector.body, signature: flipBit(signature, signature.search(/\d/)) });
    await expect(accept(forged)).rejects.toMatchObject({ status: 401 });
    for (const key of Object.keys(vector.body.data) as (keyof typeof vector.body.data)[]) {
      const value = vector.body.data[key];
      const changed = typeof value === 'number' ? value ^ 1 : `${String(value)}x`;
      const body = JSON.stringify({ ...vector.body, data: { ...vector.body.data, [key]: changed } });
      await expect(accept(body), key).rejects.toMatchObject({ status: 401 });
    }
    await expect(accept(raw, flipBit(vector.checksumKey, 0))).rejects.toMatchObject({ status: 401 });
    await expect(accept(raw, null as unknown as string)).rejects.toMatchObject({ status: 401 });
  });

  it('a body with no data or signature carries no proof: 401', async () => {
    for (const body of [
      '',
      'nope',
      '[]',
      JSON.stringify({ ...vector.body, signature: undefined }),
      JSON.stringify({ ...vector.body, data: null }),
    ]) {
      await expect(accept(body), body).rejects.toMatchObject({ status: 401 });
    }
  });

  it('stringifies values as the payOS SDK does: null and "null" empty, arrays as key-sorted JSON, undefined left out', () => {
    const data = { b: null, a: 'null', d: [{ z: 1, y: 'u' }], c: undefined, e: 0, f: true };
    expect(payosDataString(data)).toBe('a=&b=&d=[{"y":"u","z":1}]&e=0&f=true');
  });
});

describe('payOS webhook data', () => {
  it('normalizes the published sample (orderCode as the provider reference, reference as the id)', async () => {
    expect(await accept(raw)).toEqual({
      transactions: [
        {
          provider: 'payos',
          providerAccountId: 'pa_po',
          providerTransactionId: 'TF230204212323',
          amount: 3000,
          content: 'VQRIO123',
          bankReference: 'TF230204212323',
          accountNumber: '12345678',
          virtualAccount: null,
          providerReference: '123',
          counterAccount: null,
          occurredAt: '2023-02-04T11:25:00.000Z',
          raw,
        },
      ],
      ignored: [],
    });
  });

  it('a data code other than "00" is acknowledged and ignored', () => {
    expect(parsePayos({ ...vector.body.data, code: '01' }, raw, 'pa_po', now)).toEqual({
      transactions: [],
      ignored: [{ providerTransactionId: 'TF230204212323', reason: 'payOS code 01' }],
    });
  });

  it('validly signed data without reference or an integer amount is malformed (400)', async () => {
    for (const data of [{ ...vector.body.data, reference: '' }, { ...vector.body.data, amount: '3000đ' }, { orderCode: 1 }]) {
      const body = JSON.stringify({ ...vector.body, data, signature: await refHmacHex('SHA-256', vector.checksumKey, payosText(data)) });
      await expect(accept(body), JSON.stringify(data)).rejects.toMatchObject({ status: 400 });
    }
  });
});

describe('payOS round trip (property)', () => {
  it('sign → verify → parse gives back what was signed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          orderCode: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          amount: fc.integer({ min: 1, max: 500_000_000 }),
          description: fc.string({ unit: 'grapheme', maxLength: 40 }),
          reference: fc.stringMatching(/^[A-Z0-9]{6,20}$/),
          accountNumber: fc.stringMatching(/^\d{6,19}$/),
          counterAccountName: fc.constantFrom('', 'NGUYEN VAN A', null),
          // From 2020 to a day ahead: the times a callback may carry (CONTRACT §6).
          at: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date(now.getTime() + 86_400_000), noInvalidDate: true }),
          key: fc.string({ minLength: 1, maxLength: 64 }),
        }),
        async ({ at, key, ...fields }) => {
          const data = { ...fields, transactionDateTime: vnDateTime(at), currency: 'VND', code: '00', desc: 'Thành công' };
          const body = JSON.stringify({
            code: '00',
            desc: 'success',
            success: true,
            data,
            signature: await refHmacHex('SHA-256', key, payosText(data)),
          });
          const [tx] = (await accept(body, key)).transactions;
          expect(tx).toMatchObject({
            providerTransactionId: fields.reference,
            providerReference: String(fields.orderCode),
            amount: fields.amount,
            content: fields.description,
            accountNumber: fields.accountNumber,
            counterAccount: fields.counterAccountName ? { bankBin: null, accountNumber: null, name: fields.counterAccountName } : null,
            occurredAt: new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString(),
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
