// Provider callbacks as each provider sends them, signed with test-side implementations of their
// algorithms (test/unit/providers/inbound-reference.ts), for accounts created through the real API.
import { env } from 'cloudflare:workers';
import { call, newMerchant } from '../helpers/app';
import { ledgerNamed, settled } from '../helpers/ledger';
import { cassoHeader, payosText, refHmacHex, vnCompact, vnDateTime } from '../unit/providers/inbound-reference';

export interface Signed {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Tx {
  id: string;
  amount: number;
  content: string;
  /** The bank reference the feed reports (default `FT<id>`; null: none). payOS and Tingee use the id itself. */
  reference?: string | null;
  /** The receiving account the feed names (default the merchant's). */
  accountNumber?: string;
}

const bankRef = (tx: Tx) => (tx.reference === undefined ? `FT${tx.id}` : tx.reference);

const json = { 'content-type': 'application/json' };
const hex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
let counter = Math.floor(Math.random() * 1e6);
/** A fresh numeric provider transaction id. */
export const nextTxId = () => String(++counter);

// The ledger every fixture account's reports land in (they all name the merchant's account number): after a
// callback is acknowledged, the ledger projects to D1 in the background, so a test waits for it before reading D1.
const ledgerOfAccount = new Map<string, string>();

/** Waits until the ledger that `accountId`'s callbacks reach has finished its after-commit work (D1 projection). */
export async function drained(accountId: string): Promise<void> {
  const ledger = ledgerOfAccount.get(accountId);
  if (ledger) await settled(ledgerNamed(ledger));
}

/** Sends a signed callback, optionally with a different body or headers (a header set to null is removed); waits for its ledger. */
export async function send(signed: Signed, overrides: { body?: string; headers?: Record<string, string | null> } = {}) {
  const headers = Object.fromEntries(
    Object.entries({ ...signed.headers, ...overrides.headers }).filter((entry): entry is [string, string] => entry[1] !== null),
  );
  const res = await call('POST', signed.path, { body: overrides.body ?? signed.body, headers });
  await drained(signed.path.split('/')[3] ?? '');
  return res;
}

/** Payments stored in D1 for a provider account, once its ledger has projected. */
export async function paymentsOf(accountId: string): Promise<number> {
  await drained(accountId);
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM payments WHERE provider_account_id = ?')
    .bind(accountId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A test merchant (with its direct account) and one account of every callback provider, with the credentials it was given. */
export async function merchantWithHooks() {
  const merchant = await newMerchant();
  const bank = { bank: '970436', accountNumber: merchant.accountNumber, accountName: 'SHOP A' };
  const creds = {
    casso: { checksumKey: hex(32), ...bank },
    sepay: { apiKey: hex(16), webhookSecret: `whsec_${hex(24)}`, ...bank },
    tingee: { clientId: hex(16), secretToken: hex(32), bankName: 'MBB', accountNumber: merchant.accountNumber },
    payos: { clientId: hex(16), apiKey: hex(16), checksumKey: hex(32) },
    bankhub: { clientId: hex(8), secretKey: hex(16), accessToken: hex(16) },
    vietqr: {
      username: 'user',
      password: hex(12),
      bankCode: 'MB',
      bankAccount: merchant.accountNumber,
      userBankName: 'SHOP A',
      callbackUsername: `cb-${hex(4)}`,
      callbackPassword: hex(12),
    },
  };
  const create = async <P extends keyof typeof creds>(provider: P) =>
    (await merchant.account({ provider, ...creds[provider] })) as { id: string; webhookUrls: Record<string, string> };
  const accounts = {
    casso: await create('casso'),
    sepay: await create('sepay'),
    tingee: await create('tingee'),
    payos: await create('payos'),
    bankhub: await create('bankhub'),
    vietqr: await create('vietqr'),
  };
  for (const account of [merchant.direct, ...Object.values(accounts)])
    ledgerOfAccount.set(account.id, `${merchant.id}:${merchant.accountNumber}`);
  const urlToken = accounts.bankhub.webhookUrls.transactions?.split('/').pop() ?? '';
  const id = (p: keyof typeof accounts) => accounts[p].id;

  const sign = {
    async casso(tx: Tx, at = new Date(), key = creds.casso.checksumKey): Promise<Signed> {
      const body = {
        error: 0,
        data: {
          id: Number(tx.id),
          reference: bankRef(tx) ?? '',
          description: tx.content,
          amount: tx.amount,
          transactionDateTime: vnDateTime(at),
          accountNumber: tx.accountNumber ?? bank.accountNumber,
        },
      };
      return {
        path: `/hooks/casso/${id('casso')}`,
        headers: { ...json, 'x-casso-signature': await cassoHeader(key, at.getTime(), body) },
        body: JSON.stringify(body),
      };
    },
    async tingee(tx: Tx, at = new Date(), secret = creds.tingee.secretToken, raw?: string): Promise<Signed> {
      const body =
        raw ??
        JSON.stringify({
          clientId: creds.tingee.clientId,
          transactionCode: tx.id,
          amount: tx.amount,
          content: tx.content,
          accountNumber: tx.accountNumber ?? bank.accountNumber,
          transactionDate: vnCompact(at, false),
        });
      const timestamp = vnCompact(at);
      const signature = await refHmacHex('SHA-512', secret, `${timestamp}:${body}`);
      return {
        path: `/hooks/tingee/${id('tingee')}`,
        headers: { ...json, 'x-request-timestamp': timestamp, 'x-signature': signature },
        body,
      };
    },
    sepayBody: (tx: Tx, transferType = 'in') =>
      JSON.stringify({
        id: Number(tx.id),
        gateway: 'MBBank',
        transactionDate: vnDateTime(new Date()),
        accountNumber: tx.accountNumber ?? bank.accountNumber,
        subAccount: null,
        code: null,
        content: tx.content,
        transferType,
        transferAmount: tx.amount,
        referenceCode: bankRef(tx),
        accumulated: 0,
      }),
    sepayApikey(tx: Tx, apiKey = creds.sepay.apiKey, transferType = 'in'): Signed {
      return {
        path: `/hooks/sepay/${id('sepay')}`,
        headers: { ...json, authorization: `Apikey ${apiKey}` },
        body: sign.sepayBody(tx, transferType),
      };
    },
    async sepayHmac(tx: Tx, at = new Date(), secret = creds.sepay.webhookSecret, raw?: string): Promise<Signed> {
      const body = raw ?? sign.sepayBody(tx);
      const timestamp = String(Math.floor(at.getTime() / 1000));
      const signature = await refHmacHex('SHA-256', secret, `${timestamp}.${body}`);
      return {
        path: `/hooks/sepay/${id('sepay')}`,
        headers: { ...json, 'x-sepay-timestamp': timestamp, 'x-sepay-signature': `sha256=${signature}` },
        body,
      };
    },
    async payos(tx: Tx & { orderCode?: number }, key = creds.payos.checksumKey, data?: Record<string, unknown>): Promise<Signed> {
      const signedData = data ?? {
        orderCode: tx.orderCode ?? 987654321,
        amount: tx.amount,
        description: tx.content,
        accountNumber: tx.accountNumber ?? bank.accountNumber,
        reference: tx.id,
        transactionDateTime: vnDateTime(new Date()),
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
      const signature = await refHmacHex('SHA-256', key, payosText(signedData));
      return {
        path: `/hooks/payos/${id('payos')}`,
        headers: json,
        body: JSON.stringify({ code: '00', desc: 'success', success: true, data: signedData, signature }),
      };
    },
    bankhub(tx: Tx, token = urlToken, webhookType = 'TRANSACTIONS'): Signed {
      const body = {
        environment: 'dev',
        webhookType,
        webhookCode: 'DEFAULT_UPDATE',
        error: null,
        transaction: {
          id: tx.id,
          reference: bankRef(tx),
          amount: tx.amount,
          description: tx.content,
          accountNumber: tx.accountNumber ?? bank.accountNumber,
          transactionDateTime: '2026-01-01T10:00:00+07:00',
          paymentMeta: {},
        },
      };
      return { path: `/hooks/bankhub/${id('bankhub')}/${token}`, headers: json, body: JSON.stringify(body) };
    },
    vietqrToken(username = creds.vietqr.callbackUsername, password = creds.vietqr.callbackPassword, accountId = id('vietqr')): Signed {
      return {
        path: `/hooks/vietqr/${accountId}/api/token_generate`,
        headers: { ...json, authorization: `Basic ${btoa(`${username}:${password}`)}` },
        body: '{}',
      };
    },
    vietqrSync(tx: Tx, token: string, transType = 'C'): Signed {
      const body = JSON.stringify({
        transactionid: tx.id,
        transactiontime: Date.now(),
        referencenumber: bankRef(tx) ?? '',
        amount: tx.amount,
        content: tx.content,
        bankaccount: tx.accountNumber ?? bank.accountNumber,
        orderId: '',
        sign: '',
        terminalCode: '',
        urlLink: '',
        serviceCode: '',
        subTerminalCode: '',
        transType,
      }).replace(`"amount":${tx.amount},`, `"amount":${tx.amount}.0,`);
      return {
        path: `/hooks/vietqr/${id('vietqr')}/bank/api/transaction-sync`,
        headers: { ...json, authorization: `Bearer ${token}` },
        body,
      };
    },
    /** A bearer token from our own token_generate. */
    async vietqrBearer(): Promise<string> {
      const res = await send(sign.vietqrToken());
      if (res.status !== 200) throw new Error(`token_generate: ${res.status} ${res.text}`);
      return res.body.access_token;
    },
  };

  return { merchant, creds, accounts, urlToken, sign };
}
