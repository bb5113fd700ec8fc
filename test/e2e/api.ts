import { DIRECT_ACCOUNT, type Order } from '../fixtures/shapes';

/** The merchant-side calls the browser test needs, through the public HTTP API. */
export async function call<T>(base: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A test-mode merchant with one direct bank account: enough to create orders and pay them in the sandbox. */
export async function newMerchant(base: string, adminToken: string) {
  const merchant = await call<{ id: string; apiKey: string }>(base, adminToken, 'POST', '/v1/admin/merchants', {
    name: 'Cửa hàng E2E',
    mode: 'test',
  });
  // The workerd tests' direct account, under the name the e2e pages show (bank given by short name, as a merchant may).
  const account = await call<{ id: string }>(base, merchant.apiKey, 'POST', '/v1/provider-accounts', {
    ...DIRECT_ACCOUNT,
    bank: 'VCB',
    accountName: 'CONG TY TNHH CUA HANG E2E',
  });
  let n = 0;
  return {
    id: merchant.id,
    /** PATCH /v1/admin/merchants/{id}: display name, logo, accent colour, frame ancestors. */
    brand: (body: Record<string, unknown>) => call(base, adminToken, 'PATCH', `/v1/admin/merchants/${merchant.id}`, body),
    order: (extra: Record<string, unknown> = {}) =>
      call<Order>(base, merchant.apiKey, 'POST', '/v1/orders', {
        amount: 50_000,
        reference: `E2E-${Date.now()}-${++n}`,
        providerAccountId: account.id,
        description: 'Áo thun size M',
        ...extra,
      }),
    cancel: (orderId: string) => call(base, merchant.apiKey, 'POST', `/v1/orders/${orderId}/cancel`, {}),
    pay: (orderId: string, body: Record<string, unknown> = {}) =>
      call(base, merchant.apiKey, 'POST', `/v1/sandbox/orders/${orderId}/pay`, body),
  };
}
