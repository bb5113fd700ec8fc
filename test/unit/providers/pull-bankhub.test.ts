import { describe, expect, it } from 'vitest';
import { pull } from '../../../src/providers/bankhub/pull';
import type { ProviderRejection } from '../../../src/providers/outbound';
import { vnDateTime } from '../../fixtures/inbound-reference';
import { account, context, jsonResponse, NOW, recordingFetch, thrown } from '../../fixtures/outbound-reference';

const bankhub = account('bankhub', { clientId: 'bh-client' }, { secretKey: 'bh-secret', accessToken: 'bh-token', urlToken: 'u' });
const since = new Date(NOW.getTime() - 24 * 3_600_000);

const tx = (reference: string, at: string, amount = 10_000, extra: Record<string, unknown> = {}) => ({
  privateId: `p-${reference}`,
  reference,
  transactionDateTime: at,
  amount,
  accountNumber: '1123456789',
  description: `CK ${reference}`,
  virtualAccountNumber: 'CAS111',
  ...extra,
});
const answer = (transactions: unknown[]) =>
  jsonResponse(200, {
    requestId: 'r',
    transactions,
    accounts: [{ accountNumber: '1123456789', accountName: 'A', currency: 'VND', balance: 0 }],
  });

describe('BankHub pull (GET /transactions)', () => {
  it('first: the date window from since, the client headers and the raw access token', async () => {
    const { fetch, sent } = recordingFetch(() => answer([]));
    const page = await pull.page(bankhub, { cursor: null, since, limit: 100 }, context(fetch));
    const url = new URL(sent[0]!.url);
    expect(url.pathname).toBe('/transactions');
    expect(Object.fromEntries(url.searchParams)).toEqual({ fromDate: vnDateTime(since).slice(0, 10), toDate: '2026-11-21' });
    expect(sent[0]!.headers).toMatchObject({
      'x-bankhub-api-version': '2023-01-01',
      'x-client-id': 'bh-client',
      'x-secret-key': 'bh-secret',
      authorization: 'bh-token',
    });
    // Accounts the answer names are followed from then on.
    expect(JSON.parse(page.cursor)).toEqual({ fromDate: '2026-11-20', refs: { '1123456789': '' } });
  });

  it('then: accounts with each one’s fromReference; incoming only, oldest first, with its virtual account', async () => {
    const { fetch, sent } = recordingFetch(() =>
      answer([
        tx('FT3', '2026-11-21T10:00:00+07:00'),
        tx('FT1', '2026-11-21T08:00:00+07:00'),
        tx('FT2', '2026-11-21T09:00:00+07:00', -5_000),
      ]),
    );
    const cursor = JSON.stringify({ fromDate: '2026-11-19', refs: { '1123456789': 'FT0' } });
    const page = await pull.page(bankhub, { cursor, since, limit: 100 }, context(fetch));
    expect(JSON.parse(new URL(sent[0]!.url).searchParams.get('accounts')!)).toEqual([
      { accountNumber: '1123456789', fromReference: 'FT0' },
    ]);
    expect(page.transactions.map((t) => [t.providerTransactionId, t.bankReference, t.virtualAccount, t.occurredAt])).toEqual([
      ['p-FT1', 'FT1', 'CAS111', '2026-11-21T01:00:00.000Z'],
      ['p-FT3', 'FT3', 'CAS111', '2026-11-21T03:00:00.000Z'],
    ]);
    expect(page).toMatchObject({ records: 3, done: true });
    expect(JSON.parse(page.cursor)).toEqual({ fromDate: '2026-11-20', refs: { '1123456789': 'FT3' } });
  });

  it('a bounded run takes the oldest part, and its cursor resumes after what it took, in the same window', async () => {
    const { fetch } = recordingFetch(() =>
      answer([tx('FT1', '2026-11-21T08:00:00+07:00'), tx('FT2', '2026-11-21T09:00:00+07:00'), tx('FT3', '2026-11-21T10:00:00+07:00')]),
    );
    const cursor = JSON.stringify({ fromDate: '2026-11-19', refs: {} });
    const page = await pull.page(bankhub, { cursor, since, limit: 2 }, context(fetch));
    expect(page.transactions.map((t) => t.bankReference)).toEqual(['FT1', 'FT2']);
    expect(page).toMatchObject({ records: 2, done: false });
    expect(JSON.parse(page.cursor)).toEqual({ fromDate: '2026-11-19', refs: { '1123456789': 'FT2' } });
  });

  it('a BankHub error (GRANT_LOGIN_REQUIRED) is the run’s error, with its code', async () => {
    const { fetch } = recordingFetch(() =>
      jsonResponse(400, { errorCode: 'GRANT_LOGIN_REQUIRED', errorType: 'GRANT', errorMessage: 'relink' }),
    );
    const error = (await thrown(pull.page(bankhub, { cursor: null, since, limit: 100 }, context(fetch)))) as ProviderRejection;
    expect(error.code).toBe('GRANT_LOGIN_REQUIRED');
    expect(error.detail).toBe('bankhub error GRANT_LOGIN_REQUIRED: relink');
  });
});
