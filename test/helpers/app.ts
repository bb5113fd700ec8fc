import { exports } from 'cloudflare:workers';

/** The worker under test, called like a client calls it. */
export const worker = (exports as unknown as { default: Fetcher }).default;
export const BASE = 'https://router.test';
export const ADMIN_TOKEN = 'test-admin-token';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function call<T = any>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await worker.fetch(`${BASE}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, body, text };
}

/** A test-mode merchant with a direct account, and shortcuts for its API. */
export async function newMerchant(mode: 'test' | 'live' = 'test') {
  const merchant = (await call('POST', '/v1/admin/merchants', { token: ADMIN_TOKEN, body: { name: `M ${crypto.randomUUID()}`, mode } }))
    .body;
  const api = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    call<T>(method, path, { token: merchant.apiKey, body, headers });
  const accountNumber = String(Math.floor(1e9 + Math.random() * 9e9));
  const direct = (await api('POST', '/v1/provider-accounts', { provider: 'direct', bank: '970436', accountNumber, accountName: 'SHOP A' }))
    .body;
  return {
    id: merchant.id as string,
    apiKey: merchant.apiKey as string,
    api,
    direct,
    accountNumber,
    async order(fields: Record<string, unknown> = {}) {
      const res = await api('POST', '/v1/orders', {
        amount: 50_000,
        reference: `R-${crypto.randomUUID()}`,
        providerAccountId: direct.id,
        ...fields,
      });
      if (res.status !== 201) throw new Error(`order: ${res.status} ${res.text}`);
      return res.body;
    },
    async account(body: Record<string, unknown>) {
      const res = await api('POST', '/v1/provider-accounts', body);
      if (res.status !== 201) throw new Error(`account: ${res.status} ${res.text}`);
      return res.body;
    },
  };
}
