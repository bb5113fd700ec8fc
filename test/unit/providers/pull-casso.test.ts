import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pull } from '../../../src/providers/casso/pull';
import { ProviderError } from '../../../src/providers/errors';
import { vnDateTime } from '../../fixtures/inbound-reference';
import { account, context, jsonResponse, NOW, recordingFetch, thrown } from '../../fixtures/outbound-reference';

const ACCOUNT_NUMBER = '0071000888888';
const casso = account(
  'casso',
  { bin: '970436', accountNumber: ACCOUNT_NUMBER, accountName: 'SHOP' },
  { checksumKey: 'k'.repeat(16), apiKey: 'AK_CS.key' },
  { baseUrl: 'https://casso.test' },
);
const since = new Date(NOW.getTime() - 24 * 3_600_000);

const record = (id: number, amount: number, extra: Record<string, unknown> = {}) => ({
  id,
  tid: `TF${id}`,
  description: `CK QR7K3M9XT ${id}`,
  amount,
  cusum_balance: 0,
  when: '2026-11-21T16:30:05',
  bankSubAccId: ACCOUNT_NUMBER,
  virtualAccount: '',
  corresponsiveName: 'NGUYEN VAN A',
  corresponsiveAccount: '0123',
  corresponsiveBankId: '970415',
  ...extra,
});
const listing = (records: unknown[], page = 1, nextPage: number | null = null) =>
  jsonResponse(200, { error: 0, message: 'success', data: { page, pageSize: 100, nextPage, totalPages: 1, records } });

describe('Casso pull (GET /v2/transactions)', () => {
  it('asks with Apikey for the window from the day of since, oldest first, 100 a page', async () => {
    const { fetch, sent } = recordingFetch(() => listing([]));
    await pull.page(casso, { cursor: null, since, limit: 100 }, context(fetch));
    const url = new URL(sent[0]!.url);
    expect(url.origin + url.pathname).toBe('https://casso.test/v2/transactions');
    expect(sent[0]!.method).toBe('GET');
    expect(sent[0]!.headers.authorization).toBe('Apikey AK_CS.key');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      fromDate: vnDateTime(since).slice(0, 10),
      toDate: '2026-11-21',
      page: '1',
      pageSize: '100',
      sort: 'ASC',
    });
  });

  it('a baseUrl given with /v2 (the documented host form) asks the same path', async () => {
    const { fetch, sent } = recordingFetch(() => listing([]));
    await pull.page({ ...casso, baseUrl: 'https://casso.test/v2/' }, { cursor: null, since, limit: 100 }, context(fetch));
    expect(new URL(sent[0]!.url).pathname).toBe('/v2/transactions');
  });

  it('reports incoming transfers of this account only, as Transactions with the bank’s time and reference', async () => {
    const { fetch } = recordingFetch(() =>
      listing([record(1, 50_000), record(2, -193_000), record(3, 70_000, { bankSubAccId: '999' }), record(4, 0)]),
    );
    const page = await pull.page(casso, { cursor: null, since, limit: 100 }, context(fetch));
    expect(page.records).toBe(4);
    expect(page.transactions).toEqual([
      expect.objectContaining({
        provider: 'casso',
        providerAccountId: casso.id,
        providerTransactionId: '1',
        amount: 50_000,
        content: 'CK QR7K3M9XT 1',
        bankReference: 'TF1',
        accountNumber: ACCOUNT_NUMBER,
        virtualAccount: null,
        counterAccount: { bankBin: '970415', accountNumber: '0123', name: 'NGUYEN VAN A' },
        occurredAt: '2026-11-21T09:30:05.000Z',
      }),
    ]);
  });

  it('pages on by number, and once done starts the next window a day before today', async () => {
    const { fetch, sent } = recordingFetch((_, i) => (i === 0 ? listing([record(1, 1_000)], 1, 2) : listing([record(2, 1_000)], 2, null)));
    const first = await pull.page(casso, { cursor: null, since, limit: 100 }, context(fetch));
    expect(first.done).toBe(false);
    expect(JSON.parse(first.cursor)).toEqual({ fromDate: vnDateTime(since).slice(0, 10), page: 2 });
    const second = await pull.page(casso, { cursor: first.cursor, since, limit: 100 }, context(fetch));
    expect(new URL(sent[1]!.url).searchParams.get('page')).toBe('2');
    expect(second.done).toBe(true);
    expect(JSON.parse(second.cursor)).toEqual({ fromDate: '2026-11-20', page: 1 });
  });

  it('a dated-only `when` is the start of that day in Vietnam; an unreadable stored cursor starts again at since', async () => {
    const { fetch, sent } = recordingFetch(() => listing([record(1, 5_000, { when: '2026-11-20' })]));
    const page = await pull.page(casso, { cursor: '{"broken":', since, limit: 100 }, context(fetch));
    expect(page.transactions[0]!.occurredAt).toBe('2026-11-19T17:00:00.000Z');
    expect(new URL(sent[0]!.url).searchParams.get('page')).toBe('1');
  });

  it('errors are the provider’s: 401, a non-zero error, an answer of another shape', async () => {
    for (const [reply, code] of [
      [jsonResponse(401, { error: 401, message: 'Unauthorized Access', data: null }), '401'],
      [jsonResponse(200, { error: 2, message: 'quota', data: null }), '2'],
      [jsonResponse(200, { error: 0, data: { records: 'no' } }), 'BAD_RESPONSE'],
    ] as const) {
      const { fetch } = recordingFetch(() => reply.clone());
      const error = await thrown(pull.page(casso, { cursor: null, since, limit: 100 }, context(fetch)));
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe(code);
    }
  });

  it('property: the reports are exactly the records of money into this account', async () => {
    const recordArb = fc.record({ amount: fc.integer({ min: -10_000_000, max: 10_000_000 }), own: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { maxLength: 30 }), async (specs) => {
        const records = specs.map((spec, i) => record(i + 1, spec.amount, spec.own ? {} : { bankSubAccId: '42' }));
        const { fetch } = recordingFetch(() => listing(records));
        const page = await pull.page(casso, { cursor: null, since, limit: 100 }, context(fetch));
        const expected = specs.flatMap((spec, i) => (spec.own && spec.amount > 0 ? [String(i + 1)] : []));
        expect(page.transactions.map((tx) => tx.providerTransactionId)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
