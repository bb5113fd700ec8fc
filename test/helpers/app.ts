import { ADMIN_TOKEN, call } from '../integration/merchant-fixture';

// One client for the app under test (merchant-fixture.ts); this file adds a merchant that starts with a direct account.
export { ADMIN_TOKEN, type ApiResponse as Reply, BASE, call, worker } from '../integration/merchant-fixture';

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

/** A Casso bank feed on the merchant's direct account number, with the checksum key to sign its callbacks. */
export async function cassoFeed(merchant: Awaited<ReturnType<typeof newMerchant>>) {
  const checksumKey = crypto.randomUUID().replace(/-/g, '');
  const casso = await merchant.account({
    provider: 'casso',
    checksumKey,
    bank: '970436',
    accountNumber: merchant.accountNumber,
    accountName: 'SHOP A',
  });
  return { casso, checksumKey };
}
