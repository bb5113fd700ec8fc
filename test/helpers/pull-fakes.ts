// Fake provider APIs behind one globalThis.fetch spy, for reconciliation tests: the pull API of every
// provider of PROVIDERS.md "Pull APIs" (Casso and SePay listings, BankHub transactions, Tingee get-paging,
// payOS payment-request status, VietQR.vn check-order) and the QR APIs orders need. Each checks the
// credentials PROVIDERS.md names (answering 401, or the provider's own error, when they are wrong) and
// answers in the provider's documented format from what the fake "bank" holds. Signatures and times are
// computed with the test-side references (test/unit/providers/inbound-reference.ts), not with src/.
import { env } from 'cloudflare:workers';
import { interceptFetch } from '../fixtures/outbound-fetch';
import { payosText, refHmacHex, vnCompact, vnDateTime } from '../unit/providers/inbound-reference';
import { jsonResponse, vietQr } from '../unit/providers/outbound-fixtures';
import { call, newMerchant } from './app';
import { ledgerOfOrder, settled } from './ledger';

export const HOSTS = { casso: 'https://casso.fake.test', sepay: 'https://sepay.fake.test', api: 'https://api.fake.test' };
export const LISTING = ['casso', 'sepay', 'bankhub', 'tingee'] as const;
export const STATUS = ['payos', 'vietqr'] as const;
export type PullProvider = (typeof LISTING)[number] | (typeof STATUS)[number];

export const CREDS = {
  casso: { checksumKey: 'casso-checksum-key-0001', apiKey: 'AK_CS.casso-api-key-0001' },
  sepay: { apiKey: 'sepay-webhook-apikey-0001', apiToken: 'SEPAYUSERAPITOKEN0001' },
  bankhub: { clientId: 'bh-client-0001', secretKey: 'bh-secret-0001', accessToken: 'bh-access-token-0001' },
  tingee: { clientId: 'tingee-client-0001', secretToken: 'tingee-secret-token-0001' },
  payos: { clientId: 'payos-client-0001', apiKey: 'payos-api-key-0001', checksumKey: 'payos-checksum-key-0001' },
  vietqr: {
    username: 'vqr-user-0001',
    password: 'vqr-pass-0001',
    callbackUsername: 'vqr-cb-0001',
    callbackPassword: 'vqr-cb-password-0001',
  },
};
/** The account BankHub and payOS QR codes pay into. */
export const PROVIDER_BANK = { bin: '970448', accountNumber: '5550001111' };

/** What makes a pull endpoint fail: an HTTP status, an answer that is not JSON, a wrong payOS signature, a timeout, a repeating page, a 429 or Tingee's 1001. */
export type Failure =
  | number
  | 'garbage'
  | 'bad-signature'
  | 'timeout'
  | 'repeat'
  | 'too-fast'
  | { status: 429; retryAfter?: number; headers?: Record<string, string> };

export interface Transfer {
  id: string;
  seq: number;
  accountNumber: string;
  amount: number;
  out: boolean;
  content: string;
  reference: string;
  at: Date;
  va: string | null;
}

export interface SeenRequest {
  provider: PullProvider;
  op: string;
  method: string;
  url: URL;
  headers: Record<string, string>;
  json: any;
  status: number;
  at: number;
  injected: string | null;
}

const digits = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => String(b % 10)).join('');
export const bankReference = () => `FT${digits(14)}`;
/** A time on a whole second, `ms` ago: providers print times to the second. */
export const secondsAgo = (ms: number) => new Date(Math.floor((Date.now() - ms) / 1000) * 1000);

async function md5Hex(text: string) {
  const digest = new Uint8Array(await crypto.subtle.digest('MD5', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Installs the fake; `afterEach(() => vi.restoreAllMocks())` removes it. */
export function installPullFakes() {
  let seq = 0;
  const bank: Record<(typeof LISTING)[number], Transfer[]> = { casso: [], sepay: [], bankhub: [], tingee: [] };
  const payosLinks: { orderCode: number; paymentLinkId: string; amount: number; description: string; transactions: Transfer[] }[] = [];
  const vietqrOrders: { orderId: string; bankAccount: string; amount: number; content: string; payments: Transfer[] }[] = [];
  const bankhubQrs: { description: string; virtualAccountNumber: string; referenceNumber: string }[] = [];
  const vietqrTokens = new Set<string>();
  const failures = new Map<string, { failure: Failure; times: number; skip: number }>();
  const seen: SeenRequest[] = [];

  const take = (key: string): Failure | null => {
    const set = failures.get(key);
    if (!set) return null;
    if (set.skip > 0) {
      set.skip -= 1;
      return null;
    }
    set.times -= 1;
    if (set.times <= 0) failures.delete(key);
    return set.failure;
  };

  /** The answer to an authenticated pull, or the injected failure. */
  const answer = async (
    provider: PullProvider,
    op: string,
    record: SeenRequest,
    real: (opts: { badSignature: boolean; repeat: boolean }) => Promise<Response> | Response,
  ): Promise<Response> => {
    const failure = take(`${provider}:${op}`);
    if (failure === null) return real({ badSignature: false, repeat: false });
    record.injected = typeof failure === 'object' ? `HTTP ${failure.status}` : String(failure);
    if (failure === 'garbage') {
      const text = await (await real({ badSignature: false, repeat: false })).text();
      return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    if (failure === 'bad-signature') return real({ badSignature: true, repeat: false });
    if (failure === 'repeat') return real({ badSignature: false, repeat: true });
    if (failure === 'timeout') throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    if (failure === 'too-fast') return jsonResponse(200, { code: '1001', message: 'Thao tác quá nhanh' });
    if (typeof failure === 'number') return errorFor(provider, failure, 'fake provider outage (simulated)');
    const response = errorFor(provider, 429, 'too many requests (simulated)');
    const headers = new Headers(response.headers);
    if (failure.retryAfter !== undefined) headers.set('retry-after', String(failure.retryAfter));
    for (const [name, value] of Object.entries(failure.headers ?? {})) headers.set(name, value);
    return new Response(await response.text(), { status: 429, headers });
  };

  const outbound = interceptFetch({
    '*': async ({ method, url, headers, body: text, at }) => {
      let json: any = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {}
      const route = routeOf(url, method);
      if (!route) throw new TypeError(`unexpected outbound fetch ${method} ${url}`);
      const record: SeenRequest = { ...route, method, url, headers, json, status: 0, at, injected: null };
      seen.push(record);
      const response = await handle(route.provider, route.op, record, text);
      record.status = response.status;
      return response;
    },
  });

  async function handle(provider: PullProvider, op: string, record: SeenRequest, text: string): Promise<Response> {
    const { url, headers, json } = record;
    const q = url.searchParams;
    switch (`${provider}:${op}`) {
      case 'casso:list': {
        if (headers.authorization !== `Apikey ${CREDS.casso.apiKey}`)
          return jsonResponse(401, { error: 401, message: 'Unauthorized Access', data: null });
        return answer(provider, op, record, ({ repeat }) => {
          const from = q.get('fromDate') ?? '';
          const to = q.get('toDate') ?? '9999';
          const page = Number(q.get('page') ?? '1');
          const size = Number(q.get('pageSize') ?? '10');
          const rows = bank.casso.filter((tx) => vnDateTime(tx.at).slice(0, 10) >= from && vnDateTime(tx.at).slice(0, 10) <= to);
          rows.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
          const totalPages = Math.ceil(rows.length / size);
          const shown = repeat ? 1 : page;
          const records = rows.slice((shown - 1) * size, shown * size).map((tx) => ({
            id: Number(tx.id),
            tid: tx.reference,
            description: tx.content,
            amount: tx.out ? -tx.amount : tx.amount,
            cusum_balance: 0,
            when: vnDateTime(tx.at).replace(' ', 'T'),
            bankSubAccId: tx.accountNumber,
            paymentChannel: '',
            virtualAccount: tx.va ?? '',
            virtualAccountName: '',
            corresponsiveName: '',
            corresponsiveAccount: '',
            corresponsiveBankId: '',
            corresponsiveBankName: '',
            accountId: 1,
            bankCodeName: 'vcb',
          }));
          const nextPage = repeat ? page : page < totalPages ? page + 1 : null;
          return jsonResponse(200, {
            error: 0,
            message: 'success',
            data: { page, pageSize: size, nextPage, totalPages, totalRecords: rows.length, records },
          });
        });
      }
      case 'sepay:list': {
        if (headers.authorization !== `Bearer ${CREDS.sepay.apiToken}`)
          return jsonResponse(401, { status: 'error', error_code: 'unauthenticated', message: 'Unauthenticated.' });
        return answer(provider, op, record, () => {
          let rows = [...bank.sepay];
          const sinceId = q.get('since_id');
          if (sinceId !== null) {
            const cursor = rows.find((tx) => tx.id === sinceId);
            if (!cursor) return jsonResponse(422, { status: 'error', error_code: 'validation_error', message: 'since_id is unknown' });
            rows = rows.filter((tx) => tx.seq > cursor.seq);
          }
          const from = q.get('transaction_date_from');
          if (from !== null) rows = rows.filter((tx) => vnDateTime(tx.at) >= from);
          const type = q.get('transfer_type');
          if (type) rows = rows.filter((tx) => (type === 'out') === tx.out);
          rows.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
          const perPage = Number(q.get('per_page') ?? '20');
          if (!(perPage >= 1 && perPage <= 100))
            return jsonResponse(422, { status: 'error', error_code: 'validation_error', message: 'per_page' });
          const page = Number(q.get('page') ?? '1');
          const data = rows.slice((page - 1) * perPage, page * perPage).map((tx) => ({
            id: tx.id,
            transaction_date: vnDateTime(tx.at),
            account_number: tx.accountNumber,
            va: tx.va ?? '',
            transfer_type: tx.out ? 'out' : 'in',
            amount_in: tx.out ? 0 : tx.amount,
            amount_out: tx.out ? tx.amount : 0,
            accumulated: 0,
            transaction_content: tx.content,
            reference_number: tx.reference,
            code: null,
            bank_brand_name: 'Vietcombank',
            bank_account_id: 'd6719d04-0000-0000-0000-a6006ab65aca',
            va_id: null,
            webhook_success: 0,
          }));
          const lastPage = Math.max(1, Math.ceil(rows.length / perPage));
          return jsonResponse(200, {
            status: 'success',
            data,
            meta: {
              pagination: { total: rows.length, per_page: perPage, current_page: page, last_page: lastPage, has_more: page < lastPage },
            },
          });
        });
      }
      case 'bankhub:list':
      case 'bankhub:qr-pay': {
        const c = CREDS.bankhub;
        const ok =
          headers['x-client-id'] === c.clientId &&
          headers['x-secret-key'] === c.secretKey &&
          headers['x-bankhub-api-version'] === '2023-01-01' &&
          headers.authorization === c.accessToken;
        if (!ok) return jsonResponse(401, { errorCode: 'UNAUTHORIZED', errorType: 'INVALID_REQUEST', errorMessage: 'bad credentials' });
        if (op === 'qr-pay') {
          const virtualAccountNumber = `CAS${digits(9)}`;
          bankhubQrs.push({ description: json.description, virtualAccountNumber, referenceNumber: json.referenceNumber });
          const qrCode = vietQr({
            bin: PROVIDER_BANK.bin,
            accountNumber: virtualAccountNumber,
            amount: json.amount,
            content: json.description,
          });
          return jsonResponse(200, {
            qrPay: {
              id: digits(6),
              qrCode,
              accountNumber: PROVIDER_BANK.accountNumber,
              virtualAccountNumber,
              referenceNumber: json.referenceNumber,
            },
          });
        }
        return answer(provider, op, record, () => {
          const from = q.get('fromDate') ?? '';
          const to = q.get('toDate') ?? '9999';
          let rows = bank.bankhub.filter((tx) => vnDateTime(tx.at).slice(0, 10) >= from && vnDateTime(tx.at).slice(0, 10) <= to);
          const accounts = q.get('accounts');
          if (accounts !== null) {
            const wanted = JSON.parse(accounts) as { accountNumber: string; fromReference: string }[];
            rows = rows.filter((tx) => {
              const entry = wanted.find((a) => a.accountNumber === tx.accountNumber);
              if (!entry) return false;
              const cursor = bank.bankhub.find((other) => other.reference === entry.fromReference);
              return !cursor || tx.seq >= cursor.seq; // inclusive, as the third-party client reads it
            });
          }
          return jsonResponse(200, {
            requestId: digits(8),
            transactions: rows.map((tx) => ({
              privateId: tx.id,
              reference: tx.reference,
              transactionDate: vnDateTime(tx.at).slice(0, 10),
              transactionDateTime: `${vnDateTime(tx.at).replace(' ', 'T')}+07:00`,
              amount: tx.out ? -tx.amount : tx.amount,
              runningBalance: 0,
              accountNumber: tx.accountNumber,
              description: tx.content,
              virtualAccountNumber: tx.va ?? '',
              counterAccountName: null,
            })),
            accounts: [{ accountNumber: PROVIDER_BANK.accountNumber, accountName: 'CONG TY FAKE', currency: 'VND', balance: 0 }],
          });
        });
      }
      case 'tingee:list':
      case 'tingee:generate': {
        const timestamp = headers['x-request-timestamp'] ?? '';
        const signature = await refHmacHex('SHA-512', CREDS.tingee.secretToken, `${timestamp}:${text}`);
        if (headers['x-client-id'] !== CREDS.tingee.clientId || headers['x-signature'] !== signature) {
          return jsonResponse(401, { code: '97', message: 'invalid signature' });
        }
        if (op === 'generate') {
          const qrCode = vietQr({ bin: '970422', accountNumber: json.accountNumber, amount: json.amount, content: json.content });
          return jsonResponse(200, { code: '00', message: 'Success', data: { qrCode, qrAccount: json.accountNumber } });
        }
        return answer(provider, op, record, () => {
          const inWindow = (tx: Transfer) => {
            const at = vnCompact(tx.at, false);
            return (!json.startTime || at >= json.startTime) && (!json.endTime || at <= json.endTime);
          };
          const rows = bank.tingee.filter(inWindow).sort((a, b) => b.at.getTime() - a.at.getTime() || b.seq - a.seq);
          const items = rows.slice(json.skipCount, json.skipCount + Math.min(100, json.maxResultCount)).map((tx) => ({
            transactionId: Number(tx.id),
            merchantId: 1,
            shopId: 1,
            bankBin: '970422',
            cashFlowSource: 'bank-transfer',
            code: tx.reference,
            amount: tx.out ? -tx.amount : tx.amount,
            type: tx.out ? 'DEBIT' : 'CREDIT',
            content: tx.content,
            currency: 'VND',
            accountNumber: tx.accountNumber,
            vaAccountNumber: tx.va,
            transactionDate: vnCompact(tx.at, false),
            billId: null,
          }));
          return jsonResponse(200, { code: '00', message: 'Success', data: { totalCount: rows.length, items } });
        });
      }
      case 'payos:create':
      case 'payos:status': {
        const c = CREDS.payos;
        if (headers['x-client-id'] !== c.clientId || headers['x-api-key'] !== c.apiKey) {
          return jsonResponse(401, { code: '401', desc: 'Unauthorized', data: null });
        }
        if (op === 'create') {
          const paymentLinkId = digits(16);
          payosLinks.push({
            orderCode: json.orderCode,
            paymentLinkId,
            amount: json.amount,
            description: json.description,
            transactions: [],
          });
          const qrCode = vietQr({
            bin: PROVIDER_BANK.bin,
            accountNumber: PROVIDER_BANK.accountNumber,
            amount: json.amount,
            content: json.description,
          });
          return jsonResponse(200, {
            code: '00',
            desc: 'success',
            data: { qrCode, accountName: 'SHOP', paymentLinkId, orderCode: json.orderCode },
          });
        }
        const id = url.pathname.split('/').pop();
        const link = payosLinks.find((l) => l.paymentLinkId === id || String(l.orderCode) === id);
        if (!link) return jsonResponse(404, { code: '101', desc: 'not found', data: null });
        return answer(provider, op, record, async ({ badSignature }) => {
          const paid = link.transactions.reduce((sum, tx) => sum + tx.amount, 0);
          const data = {
            id: link.paymentLinkId,
            orderCode: link.orderCode,
            amount: link.amount,
            amountPaid: paid,
            amountRemaining: Math.max(0, link.amount - paid),
            status: paid >= link.amount ? 'PAID' : paid > 0 ? 'UNDERPAID' : 'PENDING',
            createdAt: `${vnDateTime(new Date()).replace(' ', 'T')}+07:00`,
            transactions: link.transactions.map((tx) => ({
              reference: tx.reference,
              amount: tx.amount,
              accountNumber: tx.accountNumber,
              description: tx.content,
              transactionDateTime: vnDateTime(tx.at),
              virtualAccountName: null,
              virtualAccountNumber: null,
              counterAccountBankId: null,
              counterAccountBankName: null,
              counterAccountName: null,
              counterAccountNumber: null,
            })),
            cancellationReason: null,
            canceledAt: null,
          };
          const signature = await refHmacHex('SHA-256', badSignature ? 'another-checksum-key' : c.checksumKey, payosText(data));
          return jsonResponse(200, { code: '00', desc: 'success', data, signature });
        });
      }
      case 'vietqr:token': {
        if (headers.authorization !== `Basic ${btoa(`${CREDS.vietqr.username}:${CREDS.vietqr.password}`)}`) {
          return jsonResponse(400, { status: 'FAILED', message: 'E74' });
        }
        const token = digits(24);
        vietqrTokens.add(token);
        return jsonResponse(200, { access_token: token, token_type: 'Bearer', expires_in: 300 });
      }
      case 'vietqr:generate':
      case 'vietqr:check': {
        const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
        if (!token || !vietqrTokens.has(token)) return jsonResponse(op === 'check' ? 400 : 401, { status: 'FAILED', message: 'E74' });
        if (op === 'generate') {
          vietqrOrders.push({
            orderId: json.orderId,
            bankAccount: json.bankAccount,
            amount: json.amount,
            content: json.content,
            payments: [],
          });
          const qrCode = vietQr({ bin: '970422', accountNumber: json.bankAccount, amount: json.amount, content: json.content });
          return jsonResponse(200, { qrCode, content: json.content, orderId: json.orderId, bankAccount: json.bankAccount });
        }
        if (json?.checkSum !== (await md5Hex(`${json?.bankAccount}${CREDS.vietqr.username}`)))
          return jsonResponse(400, { status: 'FAILED', message: 'E39' });
        return answer(provider, op, record, () => {
          const order = vietqrOrders.find((o) => o.orderId === json.value && o.bankAccount === json.bankAccount);
          if (!order) return jsonResponse(400, { status: 'FAILED', message: 'E96' });
          const common = {
            orderId: order.orderId,
            transType: 'C',
            type: 0,
            timeCreated: 0,
            terminalCode: '',
            note: '',
            refundCount: 0,
            amountRefunded: 0,
          };
          const rows = order.payments.length
            ? order.payments.map((tx) => ({
                ...common,
                referenceNumber: tx.reference,
                amount: tx.amount,
                content: tx.content,
                status: 1,
                timePaid: Math.floor(tx.at.getTime() / 1000),
              }))
            : [{ ...common, referenceNumber: '', amount: order.amount, content: order.content, status: 0, timePaid: 0 }];
          return jsonResponse(200, rows);
        });
      }
      default:
        throw new TypeError(`unexpected ${provider}:${op}`);
    }
  }

  return {
    seen,
    /** Pull requests (not QR, token) of `provider`. */
    pulls: (provider: PullProvider) => seen.filter((r) => r.provider === provider && ['list', 'status', 'check'].includes(r.op)),
    /** Puts a transfer into a listing provider's bank feed. */
    add(provider: (typeof LISTING)[number], tx: Partial<Transfer> & { accountNumber: string; amount: number }): Transfer {
      seq += 1;
      const entry: Transfer = {
        id: tx.id ?? (provider === 'sepay' ? crypto.randomUUID() : provider === 'bankhub' ? `bh-${digits(10)}` : String(1_000_000 + seq)),
        seq,
        accountNumber: tx.accountNumber,
        amount: tx.amount,
        out: tx.out ?? false,
        content: tx.content ?? '',
        reference: tx.reference ?? bankReference(),
        at: tx.at ?? secondsAgo(0),
        va: tx.va ?? null,
      };
      bank[provider].push(entry);
      return entry;
    },
    /** Pays the payOS link or VietQR order whose description / content holds `paymentCode`. */
    pay(
      provider: (typeof STATUS)[number],
      paymentCode: string,
      tx: { amount: number; reference?: string; at?: Date; content?: string },
    ): Transfer {
      seq += 1;
      const base = {
        id: String(seq),
        seq,
        out: false,
        va: null,
        reference: tx.reference ?? bankReference(),
        at: tx.at ?? secondsAgo(0),
        amount: tx.amount,
      };
      if (provider === 'payos') {
        const link = payosLinks.find((l) => l.description.includes(paymentCode));
        if (!link) throw new Error(`no payOS link for ${paymentCode}`);
        const entry = { ...base, accountNumber: PROVIDER_BANK.accountNumber, content: tx.content ?? link.description };
        link.transactions.push(entry);
        return entry;
      }
      const order = vietqrOrders.find((o) => o.content.includes(paymentCode));
      if (!order) throw new Error(`no VietQR order for ${paymentCode}`);
      const entry = { ...base, accountNumber: order.bankAccount, content: tx.content ?? order.content };
      order.payments.push(entry);
      return entry;
    },
    /** The order BankHub, payOS or VietQR created for our payment code. */
    bankhubQr: (paymentCode: string) => bankhubQrs.find((q) => q.description.includes(paymentCode)),
    payosLink: (paymentCode: string) => payosLinks.find((l) => l.description.includes(paymentCode)),
    vietqrOrder: (paymentCode: string) => vietqrOrders.find((o) => o.content.includes(paymentCode)),
    /** After `skip` good answers, the next `times` requests of the provider's pull fail as `failure` (null: stop failing). */
    fail(provider: PullProvider, failure: Failure | null, times = Number.POSITIVE_INFINITY, skip = 0) {
      const op = { casso: 'list', sepay: 'list', bankhub: 'list', tingee: 'list', payos: 'status', vietqr: 'check' }[provider];
      if (failure === null) failures.delete(`${provider}:${op}`);
      else failures.set(`${provider}:${op}`, { failure, times, skip });
    },
    restore: outbound.restore,
  };
}

export type PullFakes = ReturnType<typeof installPullFakes>;

function routeOf(url: URL, method: string): { provider: PullProvider; op: string } | null {
  const path = url.pathname;
  if (url.origin === HOSTS.casso && path === '/v2/transactions') return { provider: 'casso', op: 'list' };
  if (url.origin === HOSTS.sepay && path === '/v2/transactions') return { provider: 'sepay', op: 'list' };
  if (url.origin !== HOSTS.api) return null;
  if (path === '/transactions') return { provider: 'bankhub', op: 'list' };
  if (path === '/qr-pay') return { provider: 'bankhub', op: 'qr-pay' };
  if (path === '/v1/transaction/get-paging') return { provider: 'tingee', op: 'list' };
  if (path === '/v1/generate-viet-qr') return { provider: 'tingee', op: 'generate' };
  if (path === '/v2/payment-requests' && method === 'POST') return { provider: 'payos', op: 'create' };
  if (path.startsWith('/v2/payment-requests/') && method === 'GET') return { provider: 'payos', op: 'status' };
  if (path === '/api/token_generate') return { provider: 'vietqr', op: 'token' };
  if (path === '/api/qr/generate-customer') return { provider: 'vietqr', op: 'generate' };
  if (path === '/api/transactions/check-order') return { provider: 'vietqr', op: 'check' };
  return null;
}

function errorFor(provider: PullProvider, status: number, message: string): Response {
  switch (provider) {
    case 'casso':
      return jsonResponse(status, { error: status, message, data: null });
    case 'sepay':
      return jsonResponse(status, { status: 'error', error_code: status === 429 ? 'rate_limited' : 'server_error', message });
    case 'bankhub':
      return jsonResponse(status, { errorCode: 'INTERNAL', errorType: 'SERVER', errorMessage: message });
    case 'tingee':
      return jsonResponse(status, { code: String(status), message });
    case 'vietqr':
      return jsonResponse(status, { status: 'FAILED', message });
    default:
      return jsonResponse(status, { code: String(status), desc: message, data: null });
  }
}

// ---- merchants, accounts, orders and webhooks through the real API

const TINGEE_ACCOUNT = '0123456789';
const VIETQR_ACCOUNT = '0987654321';

/** A merchant with the provider account under test (Casso and SePay feed the merchant's direct account). */
export async function setupAccount(provider: PullProvider, fields: Record<string, unknown> = {}) {
  const merchant = await newMerchant();
  const bankFields = { bank: '970436', accountNumber: merchant.accountNumber, accountName: 'SHOP A' };
  const bodies: Record<PullProvider, Record<string, unknown>> = {
    casso: { baseUrl: HOSTS.casso, ...CREDS.casso, ...bankFields },
    sepay: { baseUrl: HOSTS.sepay, ...CREDS.sepay, ...bankFields },
    bankhub: { baseUrl: HOSTS.api, ...CREDS.bankhub },
    tingee: { baseUrl: HOSTS.api, ...CREDS.tingee, bankName: 'MBB', accountNumber: TINGEE_ACCOUNT },
    payos: { baseUrl: HOSTS.api, ...CREDS.payos },
    vietqr: { baseUrl: HOSTS.api, ...CREDS.vietqr, bankCode: 'MB', bankAccount: VIETQR_ACCOUNT, userBankName: 'SHOP A' },
  };
  const body = Object.fromEntries(Object.entries({ provider, ...bodies[provider], ...fields }).filter(([, v]) => v !== undefined));
  const account = (await merchant.account(body)) as { id: string; webhookUrls: Record<string, string> };
  const feedsDirect = provider === 'casso' || provider === 'sepay';
  const receiving = feedsDirect
    ? merchant.accountNumber
    : { bankhub: PROVIDER_BANK.accountNumber, tingee: TINGEE_ACCOUNT, payos: PROVIDER_BANK.accountNumber, vietqr: VIETQR_ACCOUNT }[
        provider
      ];
  return {
    provider,
    merchant,
    account,
    receiving,
    order: (amount = 50_000) =>
      merchant.order({
        amount,
        providerAccountId: feedsDirect ? merchant.direct.id : account.id,
        returnUrl: 'https://shop.example/thanks',
      }),
  };
}

export type Setup = Awaited<ReturnType<typeof setupAccount>>;

/** A transfer paying `order` that reached the provider (its listing or the order's status); no webhook is sent. */
export function transfer(
  fakes: PullFakes,
  s: Setup,
  order: { paymentCode: string; amount: number },
  opts: Partial<Transfer> = {},
): Transfer {
  const amount = opts.amount ?? order.amount;
  const content = opts.content ?? `Thanh toan ${order.paymentCode}`;
  if (s.provider === 'payos' || s.provider === 'vietqr')
    return fakes.pay(s.provider, order.paymentCode, { ...opts, amount, content: opts.content });
  const va = s.provider === 'bankhub' ? (fakes.bankhubQr(order.paymentCode)?.virtualAccountNumber ?? null) : null;
  return fakes.add(s.provider, { va, ...opts, accountNumber: s.receiving, amount, content });
}

/** The provider's authentic webhook for the same transfer; resolves once the order's ledger has projected it to D1. */
export async function webhook(fakes: PullFakes, s: Setup, order: { id: string; paymentCode: string }, tx: Transfer) {
  const res = await sendWebhook(fakes, s, order, tx);
  await settled(await ledgerOfOrder(order.id));
  return res;
}

/** The provider's authentic webhook for the same transfer (its own transaction id where PROVIDERS.md fixes one). */
async function sendWebhook(fakes: PullFakes, s: Setup, order: { paymentCode: string }, tx: Transfer) {
  const json = { 'content-type': 'application/json' };
  const at = vnDateTime(tx.at);
  const id = s.account.id;
  switch (s.provider) {
    case 'casso': {
      const body = {
        error: 0,
        data: {
          id: Number(tx.id),
          reference: tx.reference,
          description: tx.content,
          amount: tx.amount,
          transactionDateTime: at,
          accountNumber: tx.accountNumber,
        },
      };
      const t = Date.now();
      const sorted = JSON.stringify(sortDeep(body));
      const signature = `t=${t},v1=${await refHmacHex('SHA-512', CREDS.casso.checksumKey, `${t}.${sorted}`)}`;
      return call('POST', `/hooks/casso/${id}`, { body, headers: { ...json, 'x-casso-signature': signature } });
    }
    case 'sepay': {
      const body = {
        id: 100_000 + tx.seq,
        gateway: 'MBBank',
        transactionDate: at,
        accountNumber: tx.accountNumber,
        subAccount: null,
        code: null,
        content: tx.content,
        transferType: 'in',
        transferAmount: tx.amount,
        referenceCode: tx.reference,
        accumulated: 0,
      };
      return call('POST', `/hooks/sepay/${id}`, { body, headers: { ...json, authorization: `Apikey ${CREDS.sepay.apiKey}` } });
    }
    case 'tingee': {
      const body = JSON.stringify({
        clientId: CREDS.tingee.clientId,
        transactionCode: tx.reference,
        amount: tx.amount,
        content: tx.content,
        bank: 'MBB',
        accountNumber: tx.accountNumber,
        transactionDate: vnCompact(tx.at, false),
      });
      const timestamp = vnCompact(new Date());
      const signature = await refHmacHex('SHA-512', CREDS.tingee.secretToken, `${timestamp}:${body}`);
      return call('POST', `/hooks/tingee/${id}`, {
        body,
        headers: { ...json, 'x-request-timestamp': timestamp, 'x-signature': signature },
      });
    }
    case 'bankhub': {
      const qr = fakes.bankhubQr(order.paymentCode);
      const body = {
        environment: 'dev',
        webhookType: 'TRANSACTIONS',
        webhookCode: 'DEFAULT_UPDATE',
        error: null,
        transaction: {
          id: `hook-${tx.id}`,
          reference: tx.reference,
          amount: tx.amount,
          description: tx.content,
          accountNumber: tx.accountNumber,
          virtualAccountNumber: qr?.virtualAccountNumber ?? '',
          transactionDateTime: `${at.replace(' ', 'T')}+07:00`,
          paymentMeta: { referenceNumber: qr?.referenceNumber },
        },
      };
      return call('POST', new URL(s.account.webhookUrls.transactions!).pathname, { body, headers: json });
    }
    case 'payos': {
      const link = fakes.payosLink(order.paymentCode)!;
      const data = {
        orderCode: link.orderCode,
        amount: tx.amount,
        description: tx.content,
        accountNumber: tx.accountNumber,
        reference: tx.reference,
        transactionDateTime: at,
        currency: 'VND',
        paymentLinkId: link.paymentLinkId,
        code: '00',
        desc: 'success',
      };
      const signature = await refHmacHex('SHA-256', CREDS.payos.checksumKey, payosText(data));
      return call('POST', `/hooks/payos/${id}`, { body: { code: '00', desc: 'success', success: true, data, signature }, headers: json });
    }
    case 'vietqr': {
      const basic = `Basic ${btoa(`${CREDS.vietqr.callbackUsername}:${CREDS.vietqr.callbackPassword}`)}`;
      const token = (await call('POST', `/hooks/vietqr/${id}/api/token_generate`, { body: {}, headers: { ...json, authorization: basic } }))
        .body.access_token;
      const body = {
        transactionid: crypto.randomUUID(),
        transactiontime: tx.at.getTime(),
        referencenumber: tx.reference,
        amount: tx.amount,
        content: tx.content,
        bankaccount: tx.accountNumber,
        orderId: fakes.vietqrOrder(order.paymentCode)?.orderId ?? '',
        transType: 'C',
      };
      return call('POST', `/hooks/vietqr/${id}/bank/api/transaction-sync`, {
        body,
        headers: { ...json, authorization: `Bearer ${token}` },
      });
    }
  }
}

const sortDeep = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortDeep)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]),
        )
      : value;

// ---- runs

const db = () => env.DB;

/** Every run of the account once none is running (reads D1, as GET /v1/reconciliation-runs does). */
export async function settledRuns(accountId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { results } = await db()
      .prepare('SELECT * FROM reconciliation_runs WHERE provider_account_id = ? ORDER BY started_at DESC, id DESC')
      .bind(accountId)
      .all<Record<string, any>>();
    if (results.length > 0 && results.every((run) => run.status !== 'running')) return results;
    if (Date.now() > deadline) throw new Error(`runs of ${accountId} still running or none: ${JSON.stringify(results)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** POST …/reconcile, then the run once it has finished, as the API lists it. */
export async function manualRun(s: Setup, body: Record<string, unknown> = {}) {
  const res = await s.merchant.api('POST', `/v1/provider-accounts/${s.account.id}/reconcile`, body);
  if (res.status !== 202) throw new Error(`reconcile: ${res.status} ${res.text}`);
  await settledRuns(s.account.id);
  const runs = (await s.merchant.api('GET', `/v1/reconciliation-runs?providerAccountId=${s.account.id}&limit=100`)).body.data;
  return runs.find((run: any) => run.id === res.body.id);
}

/** Makes the account due for the schedule now (what the passing of its interval does). */
export async function makeDue(accountId: string) {
  await db()
    .prepare('UPDATE reconciliation_cursors SET next_due_at = ? WHERE provider_account_id = ?')
    .bind('2000-01-01T00:00:00.000Z', accountId)
    .run();
}

export async function storedCursor(accountId: string): Promise<any> {
  const row = await db()
    .prepare('SELECT cursor, next_due_at FROM reconciliation_cursors WHERE provider_account_id = ?')
    .bind(accountId)
    .first<{ cursor: string | null; next_due_at: string }>();
  return row ? { cursor: row.cursor ? JSON.parse(row.cursor) : null, nextDueAt: row.next_due_at } : null;
}
