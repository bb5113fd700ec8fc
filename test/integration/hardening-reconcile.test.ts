import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, newMerchant } from '../helpers/app';
import { payosText, refHmacHex } from '../unit/providers/inbound-reference';
import { jsonResponse, vietQr } from '../unit/providers/outbound-fixtures';

/*
 * GET /v1/orders/{id}?refresh=true asks the provider (payOS payment-request lookup, VietQR.vn
 * check-order) and settles what it reports through the order's DO, under the provider's transaction id,
 * so the callback that arrives later is the same payment. Both providers are faked behind fetch.
 */

const PROVIDER = 'https://provider.test';
const PAYOS = {
  provider: 'payos',
  baseUrl: PROVIDER,
  clientId: 'recon-client',
  apiKey: 'recon-api-key',
  checksumKey: 'recon-checksum-0123456789',
};
const VIETQR = {
  provider: 'vietqr',
  baseUrl: PROVIDER,
  username: 'recon-user',
  password: 'recon-pass',
  bankCode: 'MB',
  bankAccount: '0987654321',
  userBankName: 'SHOP RECON',
  callbackUsername: 'recon-cb',
  callbackPassword: 'recon-cb-pass-0123456789',
};
// md5("0987654321" + "recon-user"), computed outside the worker.
const VIETQR_CHECKSUM = 'fbfe4970eb381f5c00e5b2866144e779';

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  json: any;
}

/** The two providers' APIs; `paid` decides what their lookups report. */
function fakeProviders() {
  const seen: Seen[] = [];
  const state = {
    payosTransactions: [] as Record<string, unknown>[],
    vietqr: null as Record<string, unknown>[] | null,
    outage: false,
    vietqrOrderId: '',
  };
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const url = new URL(request.url);
    if (url.origin !== PROVIDER) throw new TypeError(`unexpected fetch ${request.url}`);
    const text = request.method === 'GET' ? '' : await request.text();
    const json = text ? JSON.parse(text) : null;
    seen.push({ method: request.method, path: url.pathname, headers: Object.fromEntries(request.headers), json });
    if (state.outage) return jsonResponse(503, { code: '503', desc: 'maintenance' });
    if (request.method === 'POST' && url.pathname === '/v2/payment-requests') {
      const qrCode = vietQr({ bin: '970448', accountNumber: '5550001111', amount: json.amount, content: json.description });
      return jsonResponse(200, {
        code: '00',
        desc: 'success',
        data: { qrCode, accountName: 'SHOP', paymentLinkId: `plink-${json.orderCode}`, orderCode: json.orderCode },
      });
    }
    if (request.method === 'GET' && url.pathname.startsWith('/v2/payment-requests/')) {
      const paid = state.payosTransactions.reduce((sum, tx) => sum + Number(tx.amount), 0);
      return jsonResponse(200, {
        code: '00',
        desc: 'success',
        data: {
          id: url.pathname.split('/').pop(),
          orderCode: 1,
          amount: 50_000,
          amountPaid: paid,
          status: paid >= 50_000 ? 'PAID' : 'PENDING',
          transactions: state.payosTransactions,
        },
      });
    }
    if (url.pathname === '/api/token_generate')
      return jsonResponse(200, { access_token: 'recon-token', token_type: 'Bearer', expires_in: 300 });
    if (url.pathname === '/api/qr/generate-customer') {
      state.vietqrOrderId = json.orderId;
      const qrCode = vietQr({ bin: '970422', accountNumber: json.bankAccount, amount: json.amount, content: json.content });
      return jsonResponse(200, { qrCode, content: json.content, orderId: json.orderId });
    }
    if (url.pathname === '/api/transactions/check-order') {
      return state.vietqr ? jsonResponse(200, state.vietqr) : jsonResponse(400, { status: 'FAILED', message: 'E96' });
    }
    return jsonResponse(404, { error: 'no route' });
  });
  return { seen, state };
}

afterEach(() => vi.restoreAllMocks());

const payosWebhook = async (accountId: string, data: Record<string, unknown>) => {
  const signature = await refHmacHex('SHA-256', PAYOS.checksumKey, payosText(data));
  return call('POST', `/hooks/payos/${accountId}`, { body: { code: '00', desc: 'success', success: true, data, signature } });
};

describe('reconciliation: GET /v1/orders/{id}?refresh=true', () => {
  it('payOS: nothing yet → unchanged; paid at payOS → settled once; the late webhook is the same payment', async () => {
    const { seen, state } = fakeProviders();
    const merchant = await newMerchant();
    const account = await merchant.account(PAYOS);
    const order = await merchant.order({ providerAccountId: account.id, amount: 50_000 });
    const linkId = seen.find((s) => s.method === 'POST')!.json.orderCode;

    const early = await merchant.api('GET', `/v1/orders/${order.id}?refresh=true`);
    expect(early.status).toBe(200);
    expect(early.body).toMatchObject({ status: 'pending', amountPaid: 0 });
    const lookup = seen.at(-1)!;
    expect(lookup).toMatchObject({ method: 'GET', path: `/v2/payment-requests/plink-${linkId}` });
    expect(lookup.headers).toMatchObject({ 'x-client-id': PAYOS.clientId, 'x-api-key': PAYOS.apiKey });

    const transfer = {
      reference: 'FT26001',
      amount: 50_000,
      description: order.paymentCode,
      accountNumber: '5550001111',
      transactionDateTime: '2026-11-21 10:00:00',
    };
    state.payosTransactions = [transfer];
    const refreshed = await merchant.api('GET', `/v1/orders/${order.id}?refresh=true`);
    expect(refreshed.body).toMatchObject({ status: 'paid', amountPaid: 50_000 });
    // Refreshing again changes nothing.
    expect((await merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body).toMatchObject({ status: 'paid', amountPaid: 50_000 });

    const late = await payosWebhook(account.id, {
      orderCode: linkId,
      amount: 50_000,
      description: order.paymentCode,
      reference: 'FT26001',
      code: '00',
      desc: 'success',
      paymentLinkId: `plink-${linkId}`,
    });
    expect(late.status).toBe(200);
    const payments = (await merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ providerTransactionId: 'FT26001', matchedBy: 'reference', amount: 50_000 });
    const events = (await merchant.api('GET', '/v1/events?limit=100')).body.data.filter((e: any) => e.data.order?.id === order.id);
    expect(events.filter((e: any) => e.type === 'order.paid')).toHaveLength(1);
  });

  it('VietQR.vn: check-order by our orderId with MD5 checksum; a paid transaction settles and its transaction-sync is a duplicate', async () => {
    const { seen, state } = fakeProviders();
    const merchant = await newMerchant();
    const account = await merchant.account(VIETQR);
    const order = await merchant.order({ providerAccountId: account.id, amount: 50_000 });

    // E96 (no such transaction): still pending, and no error.
    expect((await merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body).toMatchObject({ status: 'pending' });
    const check = seen.filter((s) => s.path === '/api/transactions/check-order').at(-1)!;
    expect(check.headers.authorization).toBe('Bearer recon-token');
    expect(check.json).toEqual({ bankAccount: VIETQR.bankAccount, type: 0, value: state.vietqrOrderId, checkSum: VIETQR_CHECKSUM });

    const base = {
      orderId: state.vietqrOrderId,
      amount: 20_000,
      content: order.paymentCode,
      transType: 'C',
      timePaid: Math.floor(Date.now() / 1000),
    };
    state.vietqr = [
      { ...base, transactionId: 'vqr-tx-1', referenceNumber: 'FT1', status: 1 },
      { ...base, transactionId: 'vqr-tx-2', referenceNumber: 'FT2', status: 0 }, // not paid
      { ...base, transactionId: 'vqr-tx-3', referenceNumber: 'FT3', status: 1, transType: 'D' }, // money out
      { ...base, referenceNumber: 'FT4', status: 1 }, // no transactionId: left to its callback
    ];
    expect((await merchant.api('GET', `/v1/orders/${order.id}?refresh=true`)).body).toMatchObject({
      status: 'partially_paid',
      amountPaid: 20_000,
    });

    const token = (
      await call('POST', `/hooks/vietqr/${account.id}/api/token_generate`, {
        body: {},
        headers: { authorization: `Basic ${btoa(`${VIETQR.callbackUsername}:${VIETQR.callbackPassword}`)}` },
      })
    ).body.access_token;
    const sync = await call('POST', `/hooks/vietqr/${account.id}/bank/api/transaction-sync`, {
      headers: { authorization: `Bearer ${token}` },
      body: {
        transactionid: 'vqr-tx-1',
        transactiontime: Date.now(),
        referencenumber: 'FT1',
        amount: 20_000,
        content: order.paymentCode,
        bankaccount: VIETQR.bankAccount,
        orderId: state.vietqrOrderId,
        transType: 'C',
      },
    });
    expect(sync.status).toBe(200);
    const payments = (await merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments.map((p: any) => p.providerTransactionId)).toEqual(['vqr-tx-1']);
    expect(sync.body.object.reftransactionid).toBe(payments[0].id);
  });

  it('a provider that cannot answer is a 502 problem and the order is unchanged', async () => {
    const { state } = fakeProviders();
    const merchant = await newMerchant();
    const account = await merchant.account(PAYOS);
    const order = await merchant.order({ providerAccountId: account.id });
    state.outage = true;
    const res = await merchant.api('GET', `/v1/orders/${order.id}?refresh=true`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.detail).toContain('payos');
    state.outage = false;
    expect((await merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'pending', amountPaid: 0 });
  });

  it('no lookup for closed orders, providers without one, or without refresh=true', async () => {
    const { seen } = fakeProviders();
    const merchant = await newMerchant();
    const account = await merchant.account(PAYOS);
    const payosOrder = await merchant.order({ providerAccountId: account.id });
    const calls = () => seen.filter((s) => s.method === 'GET').length;
    expect((await merchant.api('GET', `/v1/orders/${payosOrder.id}`)).status).toBe(200);
    expect((await merchant.api('GET', `/v1/orders/${payosOrder.id}?refresh=false`)).status).toBe(200);
    expect(calls()).toBe(0);
    expect((await merchant.api('POST', `/v1/orders/${payosOrder.id}/cancel`, {})).status).toBe(200);
    expect((await merchant.api('GET', `/v1/orders/${payosOrder.id}?refresh=true`)).body.status).toBe('canceled');
    expect(calls()).toBe(0);
    const direct = await merchant.order();
    expect((await merchant.api('GET', `/v1/orders/${direct.id}?refresh=true`)).body.status).toBe('pending');
    expect((await merchant.api('GET', `/v1/orders/${direct.id}?refresh=maybe`)).status).toBe(422);
    expect(seen.filter((s) => s.method === 'GET')).toHaveLength(0);
  });
});
