import fc from 'fast-check';
import { cassoHeader, payosText, refHmacHex } from '../fixtures/inbound-reference';
import { described, type FuzzInput, hostileBody, oddValue } from './inputs';

/** How a refusal must look: the API's problem+json, or the provider's own error envelope. */
export type AnswerShape = 'problem' | 'tingee' | 'vietqr-sync' | 'vietqr-token';

export interface Prepared {
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

export interface FuzzRoute {
  name: string;
  method: 'POST' | 'PATCH';
  answer: AnswerShape;
  inputs: fc.Arbitrary<FuzzInput>;
  /** Builds the request; `authentic` asks hooks to sign the body with the account's real credentials when they can. */
  prepare(input: FuzzInput, authentic: boolean): Promise<Prepared>;
}

/** What the routes need from the test's setup: an API key source and the hook accounts with their credentials. */
export interface FuzzContext {
  apiKey(): Promise<string>;
  endpointId: string;
  directAccountId: string;
  accounts: Record<'casso' | 'sepay' | 'tingee' | 'payos' | 'bankhub' | 'vietqr', { id: string }>;
  creds: {
    casso: { checksumKey: string };
    sepay: { apiKey: string; webhookSecret: string };
    tingee: { secretToken: string };
    payos: { checksumKey: string };
    vietqr: { callbackUsername: string; callbackPassword: string };
  };
  urlToken: string;
  vietqrBearer(): Promise<string>;
}

const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : new TextDecoder().decode(body));
const withType = (input: FuzzInput, headers: Record<string, string> = {}) =>
  input.contentType === null ? headers : { 'content-type': input.contentType, ...headers };

function parsed(body: string | Uint8Array): unknown {
  try {
    return JSON.parse(text(body));
  } catch {
    return undefined;
  }
}

/** Field values that pass a type check now and then, so parsers get past the first field. */
const plausible: fc.Arbitrary<unknown> = fc.oneof(
  oddValue,
  fc.integer({ min: -1_000, max: 1_000_000_000 }),
  fc.integer({ min: 1, max: 1e9 }).map(String),
  fc.constantFrom('2026-11-21 10:00:00', '20261121100000000', '2026-11-21T10:00:00+07:00', String(Date.now()), 'QRABCDEFG'),
  fc.constantFrom('in', 'out', 'C', 'D', 'TRANSACTIONS', '00', 'VND'),
);
const shaped = (fields: string[]) => fc.dictionary(fc.constantFrom(...fields), plausible, { maxKeys: fields.length });
const asInput = (kind: string) => (value: unknown) => described({ kind, contentType: 'application/json', body: JSON.stringify(value) });

const ORDER_FIELDS = ['amount', 'reference', 'providerAccountId', 'description', 'expiresInSeconds', 'returnUrl', 'metadata'];
const ENDPOINT_FIELDS = ['url', 'eventTypes', 'description', 'enabled'];
const ACCOUNT_FIELDS = [
  'provider',
  'label',
  'baseUrl',
  'bank',
  'accountNumber',
  'accountName',
  'clientId',
  'secretKey',
  'accessToken',
  'username',
  'password',
  'bankCode',
  'bankAccount',
  'userBankName',
  'callbackUsername',
  'callbackPassword',
  'secretToken',
  'bankName',
  'apiKey',
  'checksumKey',
  'webhookSecret',
];
const QR_ENCODE_FIELDS = [
  'bank',
  'accountNumber',
  'service',
  'initMethod',
  'amount',
  'content',
  'billNumber',
  'mobileNumber',
  'storeLabel',
  'loyaltyNumber',
  'referenceLabel',
  'customerLabel',
  'terminalLabel',
  'consumerDataRequest',
  'mcc',
  'merchantName',
  'merchantCity',
  'postalCode',
  'unreserved',
];

const PROVIDER_NAMES = ['direct', 'bankhub', 'vietqr', 'tingee', 'payos', 'casso', 'sepay', 'momo', ''];

export function fuzzRoutes(ctx: FuzzContext): FuzzRoute[] {
  const api =
    (path: string) =>
    async (input: FuzzInput): Promise<Prepared> => ({
      path,
      headers: withType(input, { authorization: `Bearer ${await ctx.apiKey()}` }),
      body: input.body,
    });
  const open = (path: string) => async (input: FuzzInput) => ({ path, headers: withType(input), body: input.body });
  const id = (p: keyof FuzzContext['accounts']) => ctx.accounts[p].id;
  const hook = (fields: string[], extra: fc.Arbitrary<FuzzInput>) =>
    fc.oneof({ arbitrary: hostileBody(fields), weight: 2 }, { arbitrary: extra, weight: 1 });

  return [
    {
      name: 'POST /v1/orders',
      method: 'POST',
      answer: 'problem',
      inputs: fc.oneof(
        hostileBody(ORDER_FIELDS),
        // Near-valid orders: only the direct account (others would call a provider), one field odd.
        fc
          .record({ amount: plausible, reference: fc.stringMatching(/^[A-Za-z0-9._:-]{1,70}$/), metadata: oddValue })
          .map((o) => ({ ...o, providerAccountId: ctx.directAccountId }))
          .map(asInput('near-valid order')),
      ),
      prepare: api('/v1/orders'),
    },
    { name: 'POST /v1/endpoints', method: 'POST', answer: 'problem', inputs: hostileBody(ENDPOINT_FIELDS), prepare: api('/v1/endpoints') },
    {
      name: 'PATCH /v1/endpoints/{id}',
      method: 'PATCH',
      answer: 'problem',
      inputs: hostileBody(ENDPOINT_FIELDS),
      prepare: api(`/v1/endpoints/${ctx.endpointId}`),
    },
    {
      name: 'POST /v1/provider-accounts',
      method: 'POST',
      answer: 'problem',
      inputs: fc.oneof(
        hostileBody(ACCOUNT_FIELDS),
        fc
          .record({ provider: fc.constantFrom(...PROVIDER_NAMES), rest: shaped(ACCOUNT_FIELDS.slice(1)) })
          .map(({ provider, rest }) => ({ provider, ...rest }))
          .map(asInput('account of a provider')),
      ),
      prepare: api('/v1/provider-accounts'),
    },
    {
      // On the payOS account, whose hook the fuzz has done with by then (a hostile PATCH may rotate its checksumKey).
      name: 'PATCH /v1/provider-accounts/{id}',
      method: 'PATCH',
      answer: 'problem',
      inputs: hostileBody(ACCOUNT_FIELDS),
      prepare: api(`/v1/provider-accounts/${ctx.accounts.payos.id}`),
    },
    {
      name: 'POST /v1/qr/encode',
      method: 'POST',
      answer: 'problem',
      inputs: hostileBody(QR_ENCODE_FIELDS),
      prepare: open('/v1/qr/encode'),
    },
    {
      name: 'POST /v1/qr/decode',
      method: 'POST',
      answer: 'problem',
      inputs: fc.oneof(
        hostileBody(['payload']),
        fc.string({ unit: 'binary-ascii', maxLength: 300 }).map((payload) => asInput('payload')({ payload: `000201${payload}` })),
      ),
      prepare: open('/v1/qr/decode'),
    },
    {
      name: 'POST /hooks/casso/{paId}',
      method: 'POST',
      answer: 'problem',
      inputs: hook(
        ['error', 'data'],
        shaped(['id', 'reference', 'description', 'amount', 'transactionDateTime', 'accountNumber']).map((data) =>
          asInput('casso-shaped')({ error: 0, data }),
        ),
      ),
      async prepare(input, authentic) {
        const body = parsed(input.body);
        const headers = withType(input);
        if (authentic) {
          // A body too deep for the test's own signer still gets a well-formed header, so the server has to verify it.
          const t = Date.now();
          headers['x-casso-signature'] = await cassoHeader(ctx.creds.casso.checksumKey, t, body).catch(
            () => `t=${t},v1=${'0'.repeat(128)}`,
          );
        }
        return { path: `/hooks/casso/${id('casso')}`, headers, body: input.body };
      },
    },
    {
      name: 'POST /hooks/sepay/{paId}',
      method: 'POST',
      answer: 'problem',
      inputs: hook(
        ['id', 'content', 'transferType', 'transferAmount'],
        shaped([
          'id',
          'gateway',
          'transactionDate',
          'accountNumber',
          'subAccount',
          'code',
          'content',
          'transferType',
          'transferAmount',
          'referenceCode',
        ]).map(asInput('sepay-shaped')),
      ),
      async prepare(input, authentic) {
        const headers = withType(input);
        if (authentic) {
          const timestamp = String(Math.floor(Date.now() / 1000));
          headers['x-sepay-timestamp'] = timestamp;
          headers['x-sepay-signature'] =
            `sha256=${await refHmacHex('SHA-256', ctx.creds.sepay.webhookSecret, `${timestamp}.${text(input.body)}`)}`;
        }
        return { path: `/hooks/sepay/${id('sepay')}`, headers, body: input.body };
      },
    },
    {
      name: 'POST /hooks/tingee/{paId}',
      method: 'POST',
      answer: 'tingee',
      inputs: hook(
        ['clientId', 'transactionCode', 'amount'],
        shaped(['clientId', 'transactionCode', 'amount', 'content', 'accountNumber', 'transactionDate', 'bank', 'additionalData']).map(
          asInput('tingee-shaped'),
        ),
      ),
      async prepare(input, authentic) {
        const headers = withType(input);
        if (authentic) {
          // yyyyMMddHHmmssSSS in UTC+7
          const timestamp = new Date(Date.now() + 7 * 3600_000)
            .toISOString()
            .replace(/[-T:.Z]/g, '')
            .slice(0, 17);
          headers['x-request-timestamp'] = timestamp;
          headers['x-signature'] = await refHmacHex('SHA-512', ctx.creds.tingee.secretToken, `${timestamp}:${text(input.body)}`);
        }
        return { path: `/hooks/tingee/${id('tingee')}`, headers, body: input.body };
      },
    },
    {
      name: 'POST /hooks/payos/{paId}',
      method: 'POST',
      answer: 'problem',
      inputs: hook(
        ['data', 'signature', 'code', 'desc'],
        shaped([
          'orderCode',
          'amount',
          'description',
          'accountNumber',
          'reference',
          'transactionDateTime',
          'currency',
          'code',
          'paymentLinkId',
        ]).map((data) => asInput('payos-shaped')({ code: '00', desc: 'success', data })),
      ),
      async prepare(input, authentic) {
        const body = parsed(input.body) as { data?: unknown } | undefined;
        const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
        if (!authentic || !isObject(body) || !isObject(body.data))
          return { path: `/hooks/payos/${id('payos')}`, headers: withType(input), body: input.body };
        // payOS signs `data` inside the body: re-sign what was generated.
        const signature = await refHmacHex('SHA-256', ctx.creds.payos.checksumKey, payosText(body.data));
        return { path: `/hooks/payos/${id('payos')}`, headers: withType(input), body: JSON.stringify({ ...body, signature }) };
      },
    },
    {
      name: 'POST /hooks/bankhub/{paId}/{urlToken}',
      method: 'POST',
      answer: 'problem',
      inputs: hook(
        ['webhookType', 'transaction', 'environment'],
        shaped(['id', 'amount', 'description', 'accountNumber', 'transactionDateTime', 'paymentMeta']).map((transaction) =>
          asInput('bankhub-shaped')({ webhookType: 'TRANSACTIONS', transaction }),
        ),
      ),
      prepare: async (input, authentic) => ({
        path: `/hooks/bankhub/${id('bankhub')}/${authentic ? ctx.urlToken : 'x'.repeat(ctx.urlToken.length)}`,
        headers: withType(input),
        body: input.body,
      }),
    },
    {
      name: 'POST /hooks/vietqr/{paId}/api/token_generate',
      method: 'POST',
      answer: 'vietqr-token',
      inputs: hostileBody(['username', 'password']),
      prepare: async (input, authentic) => ({
        path: `/hooks/vietqr/${id('vietqr')}/api/token_generate`,
        headers: withType(input, {
          authorization: authentic
            ? `Basic ${btoa(`${ctx.creds.vietqr.callbackUsername}:${ctx.creds.vietqr.callbackPassword}`)}`
            : 'Basic Og==',
        }),
        body: input.body,
      }),
    },
    {
      name: 'POST /hooks/vietqr/{paId}/bank/api/transaction-sync',
      method: 'POST',
      answer: 'vietqr-sync',
      inputs: hook(
        ['transactionid', 'amount', 'content'],
        shaped(['transactionid', 'transactiontime', 'referencenumber', 'amount', 'content', 'bankaccount', 'orderId', 'transType']).map(
          asInput('vietqr-shaped'),
        ),
      ),
      prepare: async (input, authentic) => ({
        path: `/hooks/vietqr/${id('vietqr')}/bank/api/transaction-sync`,
        headers: withType(input, authentic ? { authorization: `Bearer ${await ctx.vietqrBearer()}` } : {}),
        body: input.body,
      }),
    },
  ];
}
