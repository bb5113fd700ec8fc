import { describe, expect, it } from 'vitest';
import { encodeVietQr } from '../../src/qr/vietqr';
import { post, problem, raw } from '../fixtures/app';
import { invalidVectors, validVectors } from '../fixtures/vietqr-vectors';

const account = { bank: '970436', accountNumber: '1017595600', service: 'account' };

describe('POST /v1/qr/encode', () => {
  it('encodes every valid vector to exactly its payload (bank given as BIN)', async () => {
    for (const vector of validVectors.filter((v) => !v.decodeOnly)) {
      const { bin, ...rest } = vector.input;
      const res = await post('/v1/qr/encode', { bank: bin, ...rest });
      expect(res.status, vector.name).toBe(200);
      expect(await res.json()).toEqual({ payload: vector.payload });
    }
  });

  it('accepts a short name like its BIN, and folds diacritics', async () => {
    const byName = await post('/v1/qr/encode', { ...account, bank: 'VCB', amount: 10000, content: 'đóng tiền điện' });
    const expected = encodeVietQr({
      bin: '970436',
      accountNumber: '1017595600',
      service: 'account',
      amount: 10000,
      content: 'dong tien dien',
    });
    expect(await byName.json()).toEqual({ payload: expected });
  });

  it.each([
    ['content', { content: 'x'.repeat(26) }],
    ['amount', { amount: 0 }],
    ['amount', { amount: 10_000_000_000_000 }],
    ['amount', { amount: 1.5 }],
    ['bank', { bank: 'NOPE' }],
    ['service', { service: 'wallet' }],
    ['accountNumber', { accountNumber: '12 34' }],
    ['mcc', { mcc: '12' }],
    ['merchantCity', { merchantCity: 'x'.repeat(16) }],
    ['unreserved.79', { unreserved: { '79': 'x' } }],
    ['color', { color: 'red' }],
  ])('answers 422 naming %s', async (path, change) => {
    const body = await problem(await post('/v1/qr/encode', { ...account, ...change }), 422);
    expect(body.errors?.map((e) => e.path)).toContain(path);
  });

  it('answers 415 for a body that is not JSON and 400 for JSON that does not parse', async () => {
    await problem(await raw('/v1/qr/encode', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'bank=VCB' }), 415);
    await problem(await raw('/v1/qr/encode', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"bank":' }), 400);
  });
});

describe('POST /v1/qr/decode', () => {
  it('decodes every valid vector to its fields, with its bank', async () => {
    for (const vector of validVectors) {
      const res = await post('/v1/qr/decode', { payload: vector.payload });
      expect(res.status, vector.name).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ valid: true, ...vector.expected, crc: vector.payload.slice(-4) });
      expect(body.warnings).toHaveLength(vector.warnings?.length ?? 0);
    }
  });

  it('names the bank of a known BIN and answers null for an unknown one', async () => {
    const vcb = await post('/v1/qr/decode', { payload: validVectors.find((v) => v.name === 'static-account-vcb')!.payload });
    expect(await vcb.json()).toMatchObject({ bank: { bin: '970436', shortName: 'VCB', name: 'Vietcombank' } });
    const unknown = await post('/v1/qr/decode', { payload: encodeVietQr({ bin: '999999', accountNumber: '1', service: 'account' }) });
    expect(await unknown.json()).toMatchObject({ bin: '999999', bank: null });
  });

  it('answers every invalid vector with a 422 problem naming the reason', async () => {
    for (const vector of invalidVectors) {
      const body = await problem(await post('/v1/qr/decode', { payload: vector.payload }), 422);
      expect(body.detail.length, vector.name).toBeGreaterThan(0);
      expect(body.errors).toEqual([{ path: 'payload', message: body.detail }]);
    }
  });

  it('calls VNPAY-QR what it is: not a VietQR transfer code', async () => {
    const vnpay =
      '00020101021126280010A0000007750110010531314453037045408210900005802VN5910CELLPHONES62600312CPSHN ONLINE0517021908061613127850705ONLHN0810CellphoneS63047685';
    const body = await problem(await post('/v1/qr/decode', { payload: vnpay }), 422);
    expect(body.detail).toMatch(/not a VietQR transfer code/);
  });

  it('answers 422 for a missing payload or an unknown field', async () => {
    expect((await problem(await post('/v1/qr/decode', {}), 422)).errors?.[0]?.path).toBe('payload');
    const extra = await problem(await post('/v1/qr/decode', { payload: validVectors[0]!.payload, strict: true }), 422);
    expect(extra.errors?.map((e) => e.path)).toContain('strict');
  });
});
