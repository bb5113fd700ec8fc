// A bench merchant made through the admin API, its provider accounts, orders, and authentic provider
// callbacks signed as each provider signs them (CONTRACT.md §6; ported from the conformance suite's sign.mjs).
import { createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';

export const hex = (bytes = 16) => randomBytes(bytes).toString('hex');
export const digits = (n) => Array.from({ length: n }, () => randomInt(10)).join('');
const hmacHex = (algorithm, key, message) => createHmac(algorithm, key).update(message, 'utf8').digest('hex');

function sortKeysDeep(value) {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeysDeep(value[key])]),
  );
}

// Vietnam time (UTC+7) in the layouts providers use.
const vnParts = (date) =>
  new Date(date.getTime() + 7 * 3600_000)
    .toISOString()
    .match(/^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{3})/)
    .slice(1);
const vnCompactTime = (date = new Date(), withMillis = true) => (withMillis ? vnParts(date) : vnParts(date).slice(0, 6)).join('');
const vnDateTime = (date = new Date()) => {
  const [y, mo, d, h, mi, s] = vnParts(date);
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
};

const ACCOUNT_NAME = 'CONG TY TNHH BENCH';
const ACCOUNT_DEFAULTS = {
  direct: (accountNumber) => ({ bank: '970436', accountNumber, accountName: ACCOUNT_NAME }),
  casso: (accountNumber) => ({ checksumKey: hex(32), bank: '970436', accountNumber, accountName: ACCOUNT_NAME }),
  sepay: (accountNumber) => ({ apiKey: hex(16), webhookSecret: hex(24), bank: '970436', accountNumber, accountName: ACCOUNT_NAME }),
  tingee: (accountNumber) => ({ clientId: hex(16), secretToken: hex(32), bankName: 'MBB', accountNumber }),
  vietqr: (accountNumber) => ({
    username: `user-${hex(4)}`,
    password: hex(12),
    bankCode: 'MB',
    bankAccount: accountNumber,
    userBankName: 'NGUYEN VAN A',
    callbackUsername: `cb-${hex(4)}`,
    callbackPassword: hex(12),
  }),
  payos: () => ({ clientId: hex(16), apiKey: hex(16), checksumKey: hex(32) }),
  bankhub: () => ({ clientId: hex(8), secretKey: hex(16), accessToken: hex(16) }),
};

const must = (res, status, what) => {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 400)}`);
  return res.json;
};

/** A test-mode merchant on `server` (from startProject) with a direct account that creates the QR codes. */
export async function createMerchant(server, { name = `Bench ${hex(3)}` } = {}) {
  const created = must(
    await server.request('POST', '/v1/admin/merchants', {
      body: { name, mode: 'test' },
      headers: { authorization: `Bearer ${server.adminToken}` },
    }),
    201,
    'POST /v1/admin/merchants',
  );
  const auth = { authorization: `Bearer ${created.apiKey}` };
  const api = (method, path, body) => server.request(method, path, { body, headers: auth });
  const accountNumber = digits(10);
  let orderSeq = 0;
  const prefix = `B${hex(3).toUpperCase()}`;

  const merchant = {
    id: created.id,
    apiKey: created.apiKey,
    accountNumber,
    api,
    /** Creates a provider account (bank-feed accounts share the direct account's number); `creds` is what was sent. */
    async account(provider, fields = {}) {
      const body = { provider, label: `bench ${provider}`, ...ACCOUNT_DEFAULTS[provider](accountNumber), ...fields };
      const account = must(await api('POST', '/v1/provider-accounts', body), 201, `POST /v1/provider-accounts (${provider})`);
      return { ...account, creds: body };
    },
    /** POST /v1/orders (amount 50,000 VND, a fresh reference); returns the raw response. */
    createOrderRequest(fields = {}) {
      orderSeq += 1;
      return api('POST', '/v1/orders', { amount: 50_000, reference: `${prefix}-${orderSeq}-${hex(3)}`, ...fields });
    },
    async order(fields = {}) {
      return must(await merchant.createOrderRequest(fields), 201, 'POST /v1/orders');
    },
    /** Creates `n` orders, `concurrency` at a time. */
    async orders(n, concurrency = 8, fields = {}) {
      const out = new Array(n);
      let next = 0;
      const worker = async () => {
        while (next < n) {
          const i = next++;
          out[i] = await merchant.order(fields);
        }
      };
      await Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker));
      return out;
    },
    async listAll(path) {
      const items = [];
      let cursor = null;
      do {
        const sep = path.includes('?') ? '&' : '?';
        const page = must(
          await api('GET', `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
          200,
          `GET ${path}`,
        );
        items.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
  };
  return merchant;
}

let txCounter = randomInt(1_000_000, 1_000_000_000);
/** A fresh numeric provider transaction id (Casso and SePay send numbers). */
export const nextTxNumber = () => ++txCounter;
const bankReference = () => `FT${digits(14)}`;

/**
 * Signed callbacks: each returns {path, headers, raw}, ready for server.request('POST', path, {headers, raw}).
 * tx = {id?, amount, content, …}. VietQR needs a bearer token from token_generate: pass opts.token.
 */
export const sign = {
  casso(account, tx, { at = new Date() } = {}) {
    const body = {
      error: 0,
      data: {
        id: tx.id ?? nextTxNumber(),
        reference: tx.reference ?? bankReference(),
        description: tx.content,
        amount: tx.amount,
        runningBalance: 25_000_000,
        transactionDateTime: '2026-11-21 10:00:00',
        accountNumber: account.creds.accountNumber,
        bankName: 'Vietcombank',
        bankAbbreviation: 'VCB',
        virtualAccountNumber: '',
        virtualAccountName: '',
        counterAccountName: 'NGUYEN VAN A',
        counterAccountNumber: '0071000123456',
        counterAccountBankId: '970436',
        counterAccountBankName: 'Vietcombank',
      },
    };
    const raw = JSON.stringify(body);
    const t = at.getTime();
    const v1 = hmacHex('sha512', account.creds.checksumKey, `${t}.${JSON.stringify(sortKeysDeep(body))}`);
    return {
      path: `/hooks/casso/${account.id}`,
      headers: { 'content-type': 'application/json', 'x-casso-signature': `t=${t},v1=${v1}` },
      raw,
    };
  },

  sepay(account, tx) {
    const body = {
      id: tx.id ?? nextTxNumber(),
      gateway: 'Vietcombank',
      transactionDate: vnDateTime(),
      accountNumber: account.creds.accountNumber,
      subAccount: null,
      code: null,
      content: tx.content,
      transferType: 'in',
      description: `BankAPINotify ${tx.content}`,
      transferAmount: tx.amount,
      referenceCode: `MBVCB.${digits(10)}`,
      accumulated: 0,
    };
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = hmacHex('sha256', account.creds.webhookSecret, `${timestamp}.${raw}`);
    return {
      path: `/hooks/sepay/${account.id}`,
      headers: { 'content-type': 'application/json', 'x-sepay-timestamp': timestamp, 'x-sepay-signature': `sha256=${signature}` },
      raw,
    };
  },

  tingee(account, tx) {
    const body = {
      clientId: account.creds.clientId,
      transactionCode: tx.id ?? bankReference(),
      amount: tx.amount,
      content: tx.content,
      bank: 'MBB',
      bankBin: '970422',
      accountNumber: account.creds.accountNumber,
      vaAccountNumber: '',
      transactionDate: vnCompactTime(new Date(), false),
      additionalData: [],
    };
    const raw = JSON.stringify(body);
    const timestamp = vnCompactTime();
    const signature = hmacHex('sha512', account.creds.secretToken, `${timestamp}:${raw}`);
    return {
      path: `/hooks/tingee/${account.id}`,
      headers: { 'content-type': 'application/json', 'x-request-timestamp': timestamp, 'x-signature': signature },
      raw,
    };
  },

  payos(account, tx) {
    const data = {
      orderCode: tx.orderCode ?? randomInt(1, 2 ** 31),
      amount: tx.amount,
      description: tx.content,
      accountNumber: '12345678',
      reference: tx.id ?? bankReference(),
      transactionDateTime: vnDateTime(),
      currency: 'VND',
      paymentLinkId: hex(16),
      code: '00',
      desc: 'Thành công',
      counterAccountBankId: '',
      counterAccountBankName: '',
      counterAccountName: '',
      counterAccountNumber: '',
      virtualAccountName: '',
      virtualAccountNumber: '',
    };
    const text = Object.keys(data)
      .sort()
      .map((key) => `${key}=${data[key]}`)
      .join('&');
    const body = { code: '00', desc: 'success', success: true, data, signature: hmacHex('sha256', account.creds.checksumKey, text) };
    return { path: `/hooks/payos/${account.id}`, headers: { 'content-type': 'application/json' }, raw: JSON.stringify(body) };
  },

  bankhub(account, tx) {
    const token = Object.values(account.webhookUrls ?? {})
      .flat()
      .map((url) => new RegExp(`/hooks/bankhub/${account.id}/([^/?#]+)$`).exec(String(url))?.[1])
      .find(Boolean);
    if (!token) throw new Error(`bankhub account ${account.id}: no URL token in ${JSON.stringify(account.webhookUrls)}`);
    const now = new Date();
    const body = {
      environment: 'dev',
      webhookType: 'TRANSACTIONS',
      webhookCode: 'DEFAULT_UPDATE',
      error: null,
      grantId: randomUUID(),
      transaction: {
        id: tx.id ?? hex(16),
        transactionCode: randomUUID(),
        reference: `${bankReference()}\\BNK`,
        transactionDate: vnDateTime(now).slice(0, 10),
        transactionDateTime: `${vnDateTime(now).replace(' ', 'T')}+07:00`,
        bookingDate: vnDateTime(now).slice(0, 10),
        amount: tx.amount,
        description: tx.content,
        runningBalance: null,
        accountNumber: digits(9),
        virtualAccountNumber: '',
        virtualAccountName: null,
        paymentChannel: null,
        counterAccountNumber: null,
        counterAccountName: null,
        counterAccountBankId: null,
        counterAccountBankName: null,
        paymentMeta: {},
        fiName: 'OCB',
        fiServiceName: 'OCB VietQR Pay',
        currency: 'VND',
      },
    };
    return { path: `/hooks/bankhub/${account.id}/${token}`, headers: { 'content-type': 'application/json' }, raw: JSON.stringify(body) };
  },

  vietqrToken(account) {
    const basic = Buffer.from(`${account.creds.callbackUsername}:${account.creds.callbackPassword}`).toString('base64');
    return {
      path: `/hooks/vietqr/${account.id}/api/token_generate`,
      headers: { 'content-type': 'application/json', authorization: `Basic ${basic}` },
      raw: '{}',
    };
  },

  vietqr(account, tx, { token }) {
    const body = {
      transactionid: tx.id ?? randomUUID(),
      transactiontime: Date.now(),
      referencenumber: bankReference(),
      amount: tx.amount,
      content: tx.content,
      bankaccount: account.creds.bankAccount,
      orderId: '',
      sign: '',
      terminalCode: '',
      urlLink: '',
      serviceCode: '',
      subTerminalCode: '',
      transType: 'C',
    };
    const raw = JSON.stringify(body).replace(`"amount":${tx.amount},`, `"amount":${tx.amount}.0,`);
    return {
      path: `/hooks/vietqr/${account.id}/bank/api/transaction-sync`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      raw,
    };
  },
};

/** Sends a signed callback built by `sign.*`. */
export const sendCallback = (server, callback) => server.request('POST', callback.path, { headers: callback.headers, raw: callback.raw });
