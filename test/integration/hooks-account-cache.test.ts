import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { BASE } from '../fixtures/app';
import { countingDb } from '../fixtures/counting-db';
import { drained, merchantWithHooks, nextTxId, type Signed } from '../fixtures/hooks';

/*
 * The hooks keep the accounts they have read: a provider's stream of callbacks costs one account lookup,
 * not one per callback. PATCH and DELETE drop the cached copy, so rotation and revocation hold at once.
 * Counted here with a D1 binding that notes every statement reading provider_accounts.
 */

const app = createApp();
const { bindings, statements } = countingDb();
const accountReads = () => statements.filter((sql) => sql.includes('FROM provider_accounts')).length;

async function deliver(signed: Signed) {
  const before = accountReads();
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`${BASE}${signed.path}`, { method: 'POST', headers: signed.headers, body: signed.body }),
    bindings,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  const reads = accountReads() - before;
  await drained(signed.path.split('/')[3] ?? '');
  return { status: res.status, accountReads: reads };
}

let hooks: Awaited<ReturnType<typeof merchantWithHooks>>;
beforeAll(async () => {
  hooks = await merchantWithHooks();
});

describe('callback accounts', () => {
  it('are read once, then served from memory', async () => {
    const order = await hooks.merchant.order();
    const first = await deliver(await hooks.sign.casso({ id: nextTxId(), amount: 10_000, content: order.paymentCode }));
    expect(first).toEqual({ status: 200, accountReads: 1 });
    const second = await deliver(await hooks.sign.casso({ id: nextTxId(), amount: 10_000, content: order.paymentCode }));
    expect(second).toEqual({ status: 200, accountReads: 0 });
  });

  it('a deleted account is 401 at once, though its live copy was cached, and stays 401 from memory', async () => {
    const order = await hooks.merchant.order();
    expect((await deliver(await hooks.sign.sepayHmac({ id: nextTxId(), amount: 10_000, content: order.paymentCode }))).status).toBe(200);
    expect((await hooks.merchant.api('DELETE', `/v1/provider-accounts/${hooks.accounts.sepay.id}`)).status).toBe(204);
    const late = await deliver(await hooks.sign.sepayHmac({ id: nextTxId(), amount: 10_000, content: order.paymentCode }));
    expect(late).toEqual({ status: 401, accountReads: 1 });
    const again = await deliver(hooks.sign.sepayApikey({ id: nextTxId(), amount: 10_000, content: order.paymentCode }));
    expect(again).toEqual({ status: 401, accountReads: 0 });
    expect((await hooks.merchant.api('GET', `/v1/orders/${order.id}`)).body.amountPaid).toBe(10_000);
  });

  it('unknown or wrong-provider ids are not remembered: each costs its lookup and is 404', async () => {
    const signed = await hooks.sign.casso({ id: nextTxId(), amount: 10_000, content: 'x' });
    const unknown = { ...signed, path: '/hooks/casso/pa_unknown0000000000000000' };
    expect(await deliver(unknown)).toEqual({ status: 404, accountReads: 1 });
    expect(await deliver(unknown)).toEqual({ status: 404, accountReads: 1 });
    const wrongProvider = { ...signed, path: `/hooks/casso/${hooks.accounts.tingee.id}` };
    expect((await deliver(wrongProvider)).status).toBe(404);
  });
});
