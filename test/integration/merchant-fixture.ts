// Test merchants created through the real admin API, with a small client for the merchant API.
import { exports } from 'cloudflare:workers';
import { type DocumentChecker, documentChecker } from '../openapi/response-check';

export const worker = exports.default;
export const BASE = 'https://router.test';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123';

// Response bodies are whatever JSON the API sent.
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

// The app's own OpenAPI document, fetched once per test file: every response `call` receives must match it.
let checker: Promise<DocumentChecker> | undefined;
const openApi = () => {
  checker ??= worker.fetch(`${BASE}/openapi.json`).then(async (res) => documentChecker(await res.json()));
  return checker;
};

/** One request; a JS value body is sent as JSON, a string as is. The response must match /openapi.json (or it throws). */
export async function call<T = Json>(
  method: string,
  path: string,
  init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await worker.fetch(`${BASE}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  const reply = { status: res.status, headers: res.headers, body: parsed as T, text } satisfies ApiResponse<T>;
  const mismatches = (await openApi()).check(method, path, reply);
  if (mismatches.length > 0) throw new Error(`response does not match /openapi.json:\n${mismatches.join('\n')}`);
  return reply;
}

export const admin = (method: string, path: string, body?: unknown) => call(method, path, { token: ADMIN_TOKEN, body });

export const DIRECT_ACCOUNT = { provider: 'direct', bank: '970436', accountNumber: '1017595600', accountName: 'CONG TY KIEM THU' };

export async function newMerchant(mode: 'test' | 'live' = 'test') {
  const created = await admin('POST', '/v1/admin/merchants', { name: `Shop ${mode}`, mode });
  if (created.status !== 201) throw new Error(`merchant: ${created.status} ${created.text}`);
  const { id, apiKey } = created.body as { id: string; apiKey: string };
  const api = <T = Json>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    call<T>(method, path, { token: apiKey, body, headers });
  return {
    id,
    apiKey,
    api,
    async account(fields: Record<string, unknown> = DIRECT_ACCOUNT) {
      const res = await api('POST', '/v1/provider-accounts', fields);
      if (res.status !== 201) throw new Error(`account: ${res.status} ${res.text}`);
      return res.body as { id: string; provider: string; webhookUrls: Record<string, string> };
    },
    async order(fields: Record<string, unknown> = {}) {
      const res = await api('POST', '/v1/orders', { amount: 50_000, reference: `INV-${crypto.randomUUID().slice(0, 8)}`, ...fields });
      if (res.status !== 201) throw new Error(`order: ${res.status} ${res.text}`);
      return res.body as Record<string, Json> & { id: string; paymentCode: string; status: string };
    },
  };
}

export type TestMerchant = Awaited<ReturnType<typeof newMerchant>>;
