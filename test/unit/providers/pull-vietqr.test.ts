import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../../src/providers/errors';
import { status } from '../../../src/providers/vietqr/pull';
import { account, context, jsonResponse, recordingFetch, thrown } from '../../fixtures/outbound-reference';

// md5("0987654321" + "recon-user"), computed outside the worker.
const CHECKSUM = 'fbfe4970eb381f5c00e5b2866144e779';
const vietqr = account(
  'vietqr',
  { bankCode: 'MB', bankAccount: '0987654321', userBankName: 'SHOP' },
  { username: 'recon-user', password: 'recon-pass', callbackUsername: 'cb', callbackPassword: 'cb-pass' },
  { id: `pa_vietqr_unit_${crypto.randomUUID()}` },
);
const order = { orderId: 'ord_1', amount: 50_000, providerReference: 'ORD98765XYZ', providerData: {} };
const row = (extra: Record<string, unknown>) => ({
  referenceNumber: 'FT26008507756020',
  orderId: 'ORD98765XYZ',
  amount: 25_000,
  content: 'QR7K3M9XT',
  transType: 'C',
  status: 1,
  type: 0,
  timeCreated: 1_763_700_000,
  timePaid: 1_763_719_200,
  ...extra,
});

function api(checkOrder: () => Response) {
  return recordingFetch((request) =>
    request.url.endsWith('/api/token_generate')
      ? jsonResponse(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 300 })
      : checkOrder(),
  );
}

describe('VietQR.vn status (POST /api/transactions/check-order)', () => {
  it('asks by our orderId with checkSum MD5(bankAccount + username) and the bearer token', async () => {
    const { fetch, sent } = api(() => jsonResponse(200, []));
    await status.check(vietqr, order, context(fetch));
    const check = sent.find((s) => s.url.endsWith('/api/transactions/check-order'))!;
    expect(check.headers.authorization).toBe('Bearer tok');
    expect(check.json).toEqual({ bankAccount: '0987654321', type: 0, value: 'ORD98765XYZ', checkSum: CHECKSUM });
  });

  it('paid incoming rows are transfers named by their bank reference (check-order gives no id); the rest are none', async () => {
    const { fetch } = api(() =>
      jsonResponse(200, [
        row({}),
        row({ referenceNumber: 'FT2', status: 0 }),
        row({ referenceNumber: 'FT3', transType: 'D' }),
        row({ referenceNumber: '', transactionId: 'vqr-tx-4' }),
        row({ referenceNumber: '' }),
      ]),
    );
    const found = await status.check(vietqr, order, context(fetch));
    expect(found.map((tx) => [tx.providerTransactionId, tx.bankReference])).toEqual([
      ['FT26008507756020', 'FT26008507756020'],
      ['vqr-tx-4', null],
    ]);
    expect(found[0]).toMatchObject({
      amount: 25_000,
      accountNumber: '0987654321',
      providerReference: 'ORD98765XYZ',
      occurredAt: new Date(1_763_719_200_000).toISOString(),
    });
  });

  it('E96 (no such transaction) is nothing found; other codes and garbage are errors', async () => {
    const { fetch } = api(() => jsonResponse(400, { status: 'FAILED', message: 'E96' }));
    expect(await status.check(vietqr, order, context(fetch))).toEqual([]);
    const { fetch: e77 } = api(() => jsonResponse(400, { status: 'FAILED', message: 'E77' }));
    expect(((await thrown(status.check(vietqr, order, context(e77)))) as ProviderError).code).toBe('E77');
    const { fetch: garbage } = api(() => new Response('[{"referenceNumber":', { status: 200 }));
    expect(((await thrown(status.check(vietqr, order, context(garbage)))) as ProviderError).code).toBe('BAD_RESPONSE');
  });
});
