import { interceptFetch } from '../fixtures/outbound-fetch';
import { hmacHex, jsonResponse, vietQr } from '../unit/providers/outbound-fixtures';

export const FAKE_BASE = 'https://fake-provider.test';
export const OUTAGE = 'fake provider outage (simulated)';

export const FAKE_ACCOUNTS = {
  bankhub: { provider: 'bankhub', baseUrl: FAKE_BASE, clientId: 'bh-client', secretKey: 'bh-secret', accessToken: 'bh-access' },
  vietqr: {
    provider: 'vietqr',
    baseUrl: FAKE_BASE,
    username: 'vqr-user',
    password: 'vqr-pass',
    bankCode: 'MB',
    bankAccount: '0987654321',
    userBankName: 'NGUYEN VAN A',
    callbackUsername: 'cb-user',
    callbackPassword: 'cb-pass-0123456789',
  },
  tingee: {
    provider: 'tingee',
    baseUrl: FAKE_BASE,
    clientId: 'tingee-client',
    secretToken: 'tingee-secret',
    bankName: 'MBB',
    accountNumber: '0123456789',
  },
  payos: { provider: 'payos', baseUrl: FAKE_BASE, clientId: 'payos-client', apiKey: 'payos-key', checksumKey: 'payos-checksum-0123456789' },
} as const;

export type FakeProviderName = keyof typeof FAKE_ACCOUNTS;

export const BANKHUB_LINK = {
  publicToken: 'public-ok',
  revokedPublicToken: 'public-revoked',
  grantId: 'grant-ok',
  revokedGrantId: 'grant-revoked',
};

interface Seen {
  path: string;
  headers: Record<string, string>;
  json: Record<string, unknown>;
  status: number;
  answer: Record<string, unknown>;
}

/** Installs the fake on globalThis.fetch; `failure` makes QR creation answer that status in the provider's format. */
export function installFakeProvider() {
  const seen: Seen[] = [];
  const state = { failure: null as { status: number; body?: unknown } | null };
  const outbound = interceptFetch({
    [`${FAKE_BASE}/`]: async ({ url, headers, body }) => {
      const json = body ? JSON.parse(body) : {};
      const [status, answer] = await route(url.pathname, headers, body, json, state.failure);
      seen.push({ path: url.pathname, headers, json, status, answer });
      return jsonResponse(status, answer);
    },
  });
  return {
    seen,
    paths: () => seen.map((s) => s.path),
    qrRequests: () => seen.filter((s) => QR_PATHS.has(s.path)),
    /** From now on QR creation answers `status` (and `body`, else an outage in the provider's format); null ends it. */
    fail: (status: number | null, body?: unknown) => {
      state.failure = status === null ? null : { status, body };
    },
    restore: outbound.restore,
  };
}

const QR_PATHS = new Set(['/qr-pay', '/api/qr/generate-customer', '/v1/generate-viet-qr', '/v2/payment-requests']);
type Answer = [number, Record<string, unknown>];

const outage = (path: string, failure: { status: number; body?: unknown }): Answer => {
  if (failure.body) return [failure.status, failure.body as Record<string, unknown>];
  if (path === '/qr-pay') return [failure.status, { errorCode: 'INTERNAL', errorType: 'SERVER', errorMessage: OUTAGE }];
  if (path === '/api/qr/generate-customer') return [failure.status, { status: 'FAILED', message: OUTAGE }];
  if (path === '/v1/generate-viet-qr') return [failure.status, { code: String(failure.status), message: OUTAGE }];
  return [failure.status, { code: String(failure.status), desc: OUTAGE, data: null }];
};

async function route(
  path: string,
  h: Record<string, string>,
  body: string,
  json: Record<string, unknown>,
  failure: { status: number; body?: unknown } | null,
): Promise<Answer> {
  const bh = FAKE_ACCOUNTS.bankhub;
  const bankhubClient =
    h['x-client-id'] === bh.clientId && h['x-secret-key'] === bh.secretKey && h['x-bankhub-api-version'] === '2023-01-01';
  const unauthorized: Answer = [401, { errorCode: 'UNAUTHORIZED', errorMessage: 'bad credentials' }];
  if (QR_PATHS.has(path) && failure) return outage(path, failure);
  switch (path) {
    case '/grant/token':
      return bankhubClient ? [200, { grantToken: 'grant-token-1' }] : unauthorized;
    case '/grant/exchange': {
      if (!bankhubClient) return unauthorized;
      if (json.publicToken === BANKHUB_LINK.publicToken) return [200, { accessToken: bh.accessToken, grantId: BANKHUB_LINK.grantId }];
      if (json.publicToken === BANKHUB_LINK.revokedPublicToken)
        return [200, { accessToken: 'revoked-access', grantId: BANKHUB_LINK.revokedGrantId }];
      return [400, { errorCode: 'INVALID_PARAM', errorMessage: 'publicToken is invalid' }];
    }
    case '/qr-pay/identity':
      if (!bankhubClient) return unauthorized;
      if (h.authorization === bh.accessToken) return [200, { accountNumber: '0123456789', accountName: 'CONG TY A', fiName: 'OCB' }];
      return [400, { errorCode: 'GRANT_NOT_FOUND', errorMessage: 'grant was revoked' }];
    case '/grant/remove':
      return bankhubClient ? [200, { requestId: 'r' }] : unauthorized;
    case '/qr-pay': {
      if (!bankhubClient || h.authorization !== bh.accessToken) return unauthorized;
      const qrCode = vietQr({
        bin: '970448',
        accountNumber: 'CAS123456789',
        amount: Number(json.amount),
        content: String(json.description),
      });
      return [
        200,
        {
          qrPay: {
            id: 'qp1',
            qrCode,
            virtualAccountNumber: 'CAS123456789',
            accountNumber: '0123456789',
            referenceNumber: json.referenceNumber,
          },
        },
      ];
    }
    case '/api/token_generate': {
      const vq = FAKE_ACCOUNTS.vietqr;
      if (h.authorization !== `Basic ${btoa(`${vq.username}:${vq.password}`)}`) return [400, { status: 'FAILED', message: 'E74' }];
      return [200, { access_token: 'vqr-token', token_type: 'Bearer', expires_in: 300 }];
    }
    case '/api/qr/generate-customer': {
      if (h.authorization !== 'Bearer vqr-token') return [401, { error: true, errorReason: 'INVALID_TOKEN', toastMessage: 'bad token' }];
      const qrCode = vietQr({
        bin: '970422',
        accountNumber: String(json.bankAccount),
        amount: Number(json.amount),
        content: String(json.content),
      });
      return [200, { qrCode, content: json.content, orderId: json.orderId, bankAccount: json.bankAccount }];
    }
    case '/v1/generate-viet-qr': {
      const tg = FAKE_ACCOUNTS.tingee;
      const timestamp = h['x-request-timestamp'] ?? '';
      if (h['x-client-id'] !== tg.clientId || h['x-signature'] !== (await hmacHex('SHA-512', tg.secretToken, `${timestamp}:${body}`))) {
        return [401, { code: '401', message: 'invalid signature' }];
      }
      const qrCode = vietQr({
        bin: '970422',
        accountNumber: String(json.accountNumber),
        amount: Number(json.amount),
        content: String(json.content),
      });
      return [200, { code: '00', message: 'Success', data: { qrCode, qrAccount: json.accountNumber, referenceLabelCode: 'lbl1' } }];
    }
    case '/v2/payment-requests': {
      const po = FAKE_ACCOUNTS.payos;
      const signed = `amount=${json.amount}&cancelUrl=${json.cancelUrl}&description=${json.description}&orderCode=${json.orderCode}&returnUrl=${json.returnUrl}`;
      if (
        h['x-client-id'] !== po.clientId ||
        h['x-api-key'] !== po.apiKey ||
        json.signature !== (await hmacHex('SHA-256', po.checksumKey, signed))
      ) {
        return [401, { code: '401', desc: 'Unauthorized', data: null }];
      }
      const qrCode = vietQr({ bin: '970448', accountNumber: '5550001111', amount: Number(json.amount), content: String(json.description) });
      return [
        200,
        {
          code: '00',
          desc: 'success',
          data: {
            qrCode,
            accountName: 'CONG TY B',
            paymentLinkId: 'plink1',
            checkoutUrl: 'https://pay.payos.vn/web/plink1',
            orderCode: json.orderCode,
          },
        },
      ];
    }
    default:
      return [404, { error: `no route ${path}` }];
  }
}
