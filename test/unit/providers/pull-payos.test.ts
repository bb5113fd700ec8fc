import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/errors';
import { status } from '../../../src/providers/payos/pull';
import { payosText, refHmacHex } from '../../fixtures/inbound-reference';
import { account, context, jsonResponse, recordingFetch, thrown } from '../../fixtures/outbound-reference';

const KEY = 'payos-checksum-key-1';
const payos = account('payos', { clientId: 'po-client' }, { apiKey: 'po-key', checksumKey: KEY });
const order = { orderId: 'ord_1', amount: 50_000, providerReference: '123456', providerData: { paymentLinkId: 'plink-1' } };

const data = (transactions: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'plink-1',
  orderCode: 123456,
  amount: 50_000,
  amountPaid: 50_000,
  amountRemaining: 0,
  status: 'PAID',
  createdAt: '2026-11-21T16:00:00+07:00',
  transactions,
  cancellationReason: null,
  canceledAt: null,
  ...extra,
});
const transfer = {
  reference: 'TF230204212323',
  amount: 50_000,
  accountNumber: '12345678',
  description: 'QR7K3M9XT',
  transactionDateTime: '2026-11-21 16:25:00',
  virtualAccountName: null,
  virtualAccountNumber: null,
  counterAccountBankId: null,
  counterAccountBankName: null,
  counterAccountName: null,
  counterAccountNumber: null,
};
const signed = async (body: Record<string, unknown>, key = KEY) =>
  jsonResponse(200, { code: '00', desc: 'success', data: body, signature: await refHmacHex('SHA-256', key, payosText(body)) });

describe('payOS status (GET /v2/payment-requests/{id})', () => {
  it('asks by paymentLinkId with the client id and API key; a verified answer gives its transfers', async () => {
    const reply = await signed(data([transfer]));
    const { fetch, sent } = recordingFetch(() => reply.clone());
    const found = await status.check(payos, order, context(fetch));
    expect(sent[0]).toMatchObject({ method: 'GET', url: 'https://provider.test/v2/payment-requests/plink-1' });
    expect(sent[0]!.headers).toMatchObject({ 'x-client-id': 'po-client', 'x-api-key': 'po-key' });
    expect(found).toEqual([
      expect.objectContaining({
        provider: 'payos',
        providerTransactionId: 'TF230204212323',
        bankReference: 'TF230204212323',
        amount: 50_000,
        accountNumber: '12345678',
        providerReference: '123456',
        occurredAt: '2026-11-21T09:25:00.000Z',
      }),
    ]);
  });

  it('an answer signed with another key, or carrying no signature, is no evidence: an error, no transfer', async () => {
    for (const reply of [
      await signed(data([transfer]), 'another-key'),
      jsonResponse(200, { code: '00', desc: 'success', data: data([transfer]) }),
    ]) {
      const { fetch } = recordingFetch(() => reply.clone());
      const error = await thrown(status.check(payos, order, context(fetch)));
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe('BAD_SIGNATURE');
    }
  });

  it('a signed answer about another orderCode is an error; without a paymentLinkId it asks by orderCode', async () => {
    const reply = await signed(data([transfer], { orderCode: 999 }));
    const { fetch, sent } = recordingFetch(() => reply.clone());
    const error = await thrown(status.check(payos, { ...order, providerData: {} }, context(fetch)));
    expect(sent[0]!.url).toBe('https://provider.test/v2/payment-requests/123456');
    expect((error as ProviderError).code).toBe('BAD_RESPONSE');
  });

  it('a payOS error code is an error even on HTTP 200; an order without payOS ids is not asked about', async () => {
    const { fetch, sent } = recordingFetch(() => jsonResponse(200, { code: '101', desc: 'Không tìm thấy', data: null }));
    expect(((await thrown(status.check(payos, order, context(fetch)))) as ProviderError).code).toBe('101');
    expect(await status.check(payos, { ...order, providerReference: null, providerData: {} }, context(fetch))).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});
