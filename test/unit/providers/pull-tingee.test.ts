import { describe, expect, it } from 'vitest';
import { RateLimited } from '../../../src/providers/rate-limited';
import { pull } from '../../../src/providers/tingee/pull';
import { refHmacHex, vnCompact } from '../../fixtures/inbound-reference';
import { account, context, jsonResponse, NOW, recordingFetch, thrown } from '../../fixtures/outbound-reference';

const tingee = account('tingee', { clientId: 'tg-client', bankName: 'MBB', accountNumber: '0123456789' }, { secretToken: 'tg-secret' });
const since = new Date(NOW.getTime() - 24 * 3_600_000);

const item = (id: number, extra: Record<string, unknown> = {}) => ({
  transactionId: id,
  merchantId: 1,
  shopId: 1,
  code: `FT${id}`,
  amount: 25_000,
  type: 'CREDIT',
  content: `QR7K3M9XT ${id}`,
  accountNumber: '0123456789',
  vaAccountNumber: null,
  transactionDate: '20261121163000',
  billId: null,
  ...extra,
});
const answer = (items: unknown[], totalCount = items.length) =>
  jsonResponse(200, { code: '00', message: 'Success', data: { totalCount, items } });

describe('Tingee pull (POST /v1/transaction/get-paging)', () => {
  it('signs the exact body it sends; the first window runs from since to now, in yyyyMMddHHmmss UTC+7', async () => {
    const { fetch, sent } = recordingFetch(() => answer([]));
    await pull.page(tingee, { cursor: null, since, limit: 100 }, context(fetch));
    const request = sent[0]!;
    expect(new URL(request.url).pathname).toBe('/v1/transaction/get-paging');
    expect(request.json).toEqual({ skipCount: 0, maxResultCount: 100, startTime: vnCompact(since, false), endTime: vnCompact(NOW, false) });
    expect(request.headers['x-client-id']).toBe('tg-client');
    expect(request.headers['x-request-timestamp']).toBe(vnCompact(NOW));
    expect(request.headers['x-signature']).toBe(
      await refHmacHex('SHA-512', 'tg-secret', `${request.headers['x-request-timestamp']}:${request.body}`),
    );
  });

  it('pages through one window by skipCount, then starts the next 10 minutes before the last one ended', async () => {
    const full = Array.from({ length: 3 }, (_, i) => item(i + 1));
    const { fetch, sent } = recordingFetch((_, i) => (i === 0 ? answer(full, 4) : answer([item(4)], 4)));
    const first = await pull.page(tingee, { cursor: null, since, limit: 3 }, context(fetch));
    expect(first).toMatchObject({ records: 3, done: false });
    const second = await pull.page(tingee, { cursor: first.cursor, since, limit: 3 }, context(fetch));
    expect(sent[1]!.json).toMatchObject({ skipCount: 3, startTime: vnCompact(since, false), endTime: vnCompact(NOW, false) });
    expect(second).toMatchObject({ records: 1, done: true });
    expect(JSON.parse(second.cursor)).toEqual({ watermark: NOW.toISOString() });
    await pull.page(tingee, { cursor: second.cursor, since, limit: 100 }, context(fetch));
    expect(sent[2]!.json).toMatchObject({ skipCount: 0, startTime: vnCompact(new Date(NOW.getTime() - 600_000), false) });
  });

  it('reports this account’s incoming transfers, `code` as the id its webhook calls transactionCode', async () => {
    const { fetch } = recordingFetch(() =>
      answer([item(1), item(2, { type: 'DEBIT', amount: -5_000 }), item(3, { accountNumber: '999' }), item(4, { code: '' })]),
    );
    const page = await pull.page(tingee, { cursor: null, since, limit: 100 }, context(fetch));
    expect(page.transactions.map((tx) => [tx.providerTransactionId, tx.bankReference])).toEqual([
      ['FT1', 'FT1'],
      ['4', null],
    ]);
    expect(page.transactions[0]).toMatchObject({ amount: 25_000, accountNumber: '0123456789', occurredAt: '2026-11-21T09:30:00.000Z' });
  });

  it('code 1001 ("too fast") is a rate limit of 60 s; other codes are errors', async () => {
    const { fetch } = recordingFetch(() => jsonResponse(200, { code: '1001', message: 'Thao tác quá nhanh' }));
    const limited = await thrown(pull.page(tingee, { cursor: null, since, limit: 100 }, context(fetch)));
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterMs).toBe(60_000);
    const { fetch: bad } = recordingFetch(() => jsonResponse(200, { code: '97', message: 'bad signature' }));
    const error = await thrown(pull.page(tingee, { cursor: null, since, limit: 100 }, context(bad)));
    expect(error).not.toBeInstanceOf(RateLimited);
    expect((error as RateLimited).code).toBe('97');
  });
});
