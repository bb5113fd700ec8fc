import { describe, expect, it } from 'vitest';
import type { ProviderError } from '../../../src/providers/errors';
import { ProviderRejection } from '../../../src/providers/outbound';
import { pull } from '../../../src/providers/sepay/pull';
import { vnDateTime } from '../../fixtures/inbound-reference';
import { account, context, jsonResponse, NOW, recordingFetch, thrown } from '../../fixtures/outbound-reference';

const ACCOUNT_NUMBER = '0359123456';
const sepay = account(
  'sepay',
  { bin: '970422', accountNumber: ACCOUNT_NUMBER, accountName: 'SHOP' },
  { apiKey: 'k'.repeat(16), apiToken: 'TOKEN123' },
  { baseUrl: 'https://sepay.test' },
);
const since = new Date(NOW.getTime() - 24 * 3_600_000);

const row = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  transaction_date: '2026-11-21 16:59:30',
  account_number: ACCOUNT_NUMBER,
  va: '',
  transfer_type: 'in',
  amount_in: 50_000,
  amount_out: 0,
  accumulated: 0,
  transaction_content: 'Thanh toan QR7K3M9XT',
  reference_number: 'MBVCB.3278907687',
  code: null,
  bank_brand_name: 'MBBank',
  bank_account_id: 'd6719d04',
  va_id: null,
  webhook_success: 0,
  ...extra,
});
const answer = (data: unknown[], hasMore = false) =>
  jsonResponse(200, {
    status: 'success',
    data,
    meta: { pagination: { total: data.length, per_page: 100, current_page: 1, last_page: 1, has_more: hasMore } },
  });

describe('SePay pull (API v2 GET /v2/transactions)', () => {
  it('first: from since in Vietnam time, ascending, money in only, Bearer user token', async () => {
    const { fetch, sent } = recordingFetch(() => answer([]));
    await pull.page(sepay, { cursor: null, since, limit: 100 }, context(fetch));
    const url = new URL(sent[0]!.url);
    expect(url.origin + url.pathname).toBe('https://sepay.test/v2/transactions');
    expect(sent[0]!.headers.authorization).toBe('Bearer TOKEN123');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      transaction_date_sort: 'asc',
      transfer_type: 'in',
      per_page: '100',
      page: '1',
      transaction_date_from: vnDateTime(since),
    });
  });

  it('then: since_id of the last committed transaction; per_page is the budget left (at most 100)', async () => {
    const { fetch, sent } = recordingFetch(() => answer([]));
    const page = await pull.page(sepay, { cursor: JSON.stringify({ sinceId: 'uuid-7' }), since, limit: 40 }, context(fetch));
    const query = new URL(sent[0]!.url).searchParams;
    expect(query.get('since_id')).toBe('uuid-7');
    expect(query.get('transaction_date_from')).toBeNull();
    expect(query.get('per_page')).toBe('40');
    // Nothing new: the cursor stays.
    expect(page).toMatchObject({ transactions: [], records: 0, done: true, cursor: JSON.stringify({ sinceId: 'uuid-7' }) });
  });

  it('reports incoming transfers of this account under their v2 UUID; money out and other accounts are none', async () => {
    const { fetch } = recordingFetch(() =>
      answer(
        [
          row('uuid-1'),
          row('uuid-2', { transfer_type: 'out', amount_in: 0, amount_out: 9_000 }),
          row('uuid-3', { account_number: '111' }),
          row('uuid-4', { va: 'VA42' }),
        ],
        true,
      ),
    );
    const page = await pull.page(sepay, { cursor: null, since, limit: 100 }, context(fetch));
    expect(page.transactions.map((tx) => [tx.providerTransactionId, tx.virtualAccount])).toEqual([
      ['uuid-1', null],
      ['uuid-4', 'VA42'],
    ]);
    expect(page.transactions[0]).toMatchObject({
      provider: 'sepay',
      amount: 50_000,
      bankReference: 'MBVCB.3278907687',
      accountNumber: ACCOUNT_NUMBER,
      content: 'Thanh toan QR7K3M9XT',
      occurredAt: '2026-11-21T09:59:30.000Z',
    });
    expect(page).toMatchObject({ records: 4, done: false, cursor: JSON.stringify({ sinceId: 'uuid-4' }) });
  });

  it('errors: 401 and 429 as rejections with their status; an envelope that is not success is no answer', async () => {
    const { fetch } = recordingFetch(() =>
      jsonResponse(429, { status: 'error', error_code: 'rate_limited', message: 'Too Many Attempts.' }),
    );
    const limited = await thrown(pull.page(sepay, { cursor: null, since, limit: 100 }, context(fetch)));
    expect(limited).toBeInstanceOf(ProviderRejection);
    expect((limited as ProviderRejection).providerStatus).toBe(429);
    expect((limited as ProviderRejection).code).toBe('rate_limited');
    // SePay v1 answered bad tokens with an empty 200: not JSON, nothing to trust.
    const { fetch: empty } = recordingFetch(() => new Response('', { status: 200 }));
    expect(((await thrown(pull.page(sepay, { cursor: null, since, limit: 100 }, context(empty)))) as ProviderError).code).toBe(
      'BAD_RESPONSE',
    );
    const { fetch: odd } = recordingFetch(() => jsonResponse(200, { status: 'pending', data: [] }));
    expect(((await thrown(pull.page(sepay, { cursor: null, since, limit: 100 }, context(odd)))) as ProviderError).code).toBe(
      'BAD_RESPONSE',
    );
  });
});
