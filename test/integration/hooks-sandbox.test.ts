import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendSandboxCallback } from '../../src/providers/inbound/sandbox-send';
import { buildSandboxCallback } from '../../src/providers/registry';
import { loadAccount } from '../../src/providers/stored-account';
import { BASE, worker } from '../fixtures/app';
import { drained, merchantWithHooks, nextTxId } from '../fixtures/hooks';

// The sandbox's callbacks are built from stored credentials alone and must pass the real hooks.
let hooks: Awaited<ReturnType<typeof merchantWithHooks>>;

beforeAll(async () => {
  hooks = await merchantWithHooks();
});

const providers = ['casso', 'sepay', 'tingee', 'payos', 'bankhub', 'vietqr'] as const;

describe('sandbox provider callbacks', () => {
  it.each(providers)('%s: the built callback is accepted by the real hook and settles by payment code', async (provider) => {
    const account = await loadAccount(env, hooks.accounts[provider].id);
    if (!account) throw new Error('account not found');
    const order = await hooks.merchant.order({ amount: 15_000 });
    const callback = await buildSandboxCallback(account, {
      amount: 15_000,
      content: `sandbox ${order.paymentCode}`,
      providerTransactionId: nextTxId(),
    });
    if (!callback) throw new Error('no sandbox callback');
    const res = await sendSandboxCallback(callback, BASE, (request) => worker.fetch(request));
    expect(res.status, await res.clone().text()).toBe(200);
    await drained(account.id);
    const payments = (await hooks.merchant.api('GET', `/v1/orders/${order.id}/payments`)).body.data;
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ provider, providerAccountId: account.id, amount: 15_000, matchedBy: 'payment_code' });
  });

  it('sepay without a webhook secret is sent with its Apikey', async () => {
    const sepay = await hooks.merchant.account({
      provider: 'sepay',
      apiKey: 'only-an-api-key-0123456789',
      bank: '970436',
      accountNumber: '123456789',
      accountName: 'SHOP',
    });
    const account = await loadAccount(env, sepay.id);
    if (!account) throw new Error('account not found');
    const callback = await buildSandboxCallback(account, { amount: 1_000, content: 'no order', providerTransactionId: nextTxId() });
    expect(callback?.headers.authorization).toBe('Apikey only-an-api-key-0123456789');
    const res = await sendSandboxCallback(callback!, BASE, (request) => worker.fetch(request));
    expect(res.status).toBe(200);
  });

  it('a direct account sends no callbacks', async () => {
    const account = await loadAccount(env, hooks.merchant.direct.id);
    expect(account && buildSandboxCallback(account, { amount: 1, content: 'x', providerTransactionId: '1' })).toBeNull();
  });
});
