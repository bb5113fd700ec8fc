import { beforeAll, describe, expect, it } from 'vitest';
import { merchantWithHooks, nextTxId, paymentsOf, send } from '../fixtures/hooks';

/*
 * Issue 13, finding 1: callback credentials could never be rotated or revoked. Here each provider's
 * account is first used (so this isolate holds it in its account cache), then PATCHed or DELETEd, and
 * the very next callbacks, through the same isolate, show the change: old credentials 401, new ones 200.
 */

let hooks: Awaited<ReturnType<typeof merchantWithHooks>>;
const hex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

beforeAll(async () => {
  hooks = await merchantWithHooks();
});

/** PATCHes the account; 200 with the account, no secret echoed. */
async function rotate(accountId: string, fields: Record<string, string>) {
  const res = await hooks.merchant.api('PATCH', `/v1/provider-accounts/${accountId}`, fields);
  expect(res.status, res.text).toBe(200);
  expect(res.body).toMatchObject({ id: accountId, object: 'provider_account' });
  for (const secret of Object.values(fields)) expect(res.text).not.toContain(secret);
  return res.body;
}

const tx = (content: string) => ({ id: nextTxId(), amount: 1_000, content });

describe('PATCH rotates callback credentials at once (same isolate, cached account)', () => {
  it('casso checksumKey', async () => {
    const order = await hooks.merchant.order({ amount: 1_000 });
    expect((await send(await hooks.sign.casso(tx(order.paymentCode)))).status).toBe(200);
    const before = await paymentsOf(hooks.accounts.casso.id);
    const checksumKey = hex(32);
    await rotate(hooks.accounts.casso.id, { checksumKey });
    expect((await send(await hooks.sign.casso(tx(order.paymentCode)))).status).toBe(401);
    expect(await paymentsOf(hooks.accounts.casso.id)).toBe(before);
    expect((await send(await hooks.sign.casso(tx(order.paymentCode), new Date(), checksumKey))).status).toBe(200);
    expect(await paymentsOf(hooks.accounts.casso.id)).toBe(before + 1);
  });

  it('sepay apiKey and webhookSecret', async () => {
    expect((await send(hooks.sign.sepayApikey(tx('no order')))).status).toBe(200);
    expect((await send(await hooks.sign.sepayHmac(tx('no order')))).status).toBe(200);
    const before = await paymentsOf(hooks.accounts.sepay.id);
    const fresh = { apiKey: hex(16), webhookSecret: hex(24) };
    await rotate(hooks.accounts.sepay.id, fresh);
    expect((await send(hooks.sign.sepayApikey(tx('no order')))).status).toBe(401);
    expect((await send(await hooks.sign.sepayHmac(tx('no order')))).status).toBe(401);
    expect(await paymentsOf(hooks.accounts.sepay.id)).toBe(before);
    expect((await send(hooks.sign.sepayApikey(tx('no order'), fresh.apiKey))).status).toBe(200);
    expect((await send(await hooks.sign.sepayHmac(tx('no order'), new Date(), fresh.webhookSecret))).status).toBe(200);
    expect(await paymentsOf(hooks.accounts.sepay.id)).toBe(before + 2);
  });

  it('payOS checksumKey', async () => {
    expect((await send(await hooks.sign.payos(tx('no order')))).status).toBe(200);
    const before = await paymentsOf(hooks.accounts.payos.id);
    const checksumKey = hex(32);
    await rotate(hooks.accounts.payos.id, { checksumKey });
    expect((await send(await hooks.sign.payos(tx('no order')))).status).toBe(401);
    expect((await send(await hooks.sign.payos(tx('no order'), checksumKey))).status).toBe(200);
    expect(await paymentsOf(hooks.accounts.payos.id)).toBe(before + 1);
  });

  it('VietQR callbackPassword, and the bearer tokens issued under the old one', async () => {
    const oldBearer = await hooks.sign.vietqrBearer();
    expect((await send(hooks.sign.vietqrSync(tx('no order'), oldBearer))).status).toBe(200);
    const before = await paymentsOf(hooks.accounts.vietqr.id);
    const callbackPassword = hex(12);
    await rotate(hooks.accounts.vietqr.id, { callbackPassword });

    const oldToken = await send(hooks.sign.vietqrToken());
    expect(oldToken.status).toBe(401);
    expect(oldToken.body).toEqual({ status: 'FAILED', message: 'INVALID_CREDENTIALS' });
    const oldSync = await send(hooks.sign.vietqrSync(tx('no order'), oldBearer));
    expect(oldSync.status).toBe(401);
    expect(oldSync.body).toMatchObject({ error: true, errorReason: 'INVALID_TOKEN', object: null });
    expect(await paymentsOf(hooks.accounts.vietqr.id)).toBe(before);

    const issued = await send(hooks.sign.vietqrToken(hooks.creds.vietqr.callbackUsername, callbackPassword));
    expect(issued.status).toBe(200);
    expect((await send(hooks.sign.vietqrSync(tx('no order'), issued.body.access_token))).status).toBe(200);
    expect(await paymentsOf(hooks.accounts.vietqr.id)).toBe(before + 1);
  });

  it('a refused PATCH (a 15-character secret, another provider’s field) changes nothing', async () => {
    const checksumKey = hex(32);
    await rotate(hooks.accounts.payos.id, { checksumKey });
    for (const body of [
      { label: 'must not stick', checksumKey: 'x'.repeat(15) },
      { label: 'must not stick', secretToken: hex(16) },
    ]) {
      const res = await hooks.merchant.api('PATCH', `/v1/provider-accounts/${hooks.accounts.payos.id}`, body);
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([Object.keys(body)[1]]);
    }
    expect((await hooks.merchant.api('GET', `/v1/provider-accounts/${hooks.accounts.payos.id}`)).body.label).toBeNull();
    expect((await send(await hooks.sign.payos(tx('no order'), checksumKey))).status).toBe(200);
  });
});

describe('DELETE revokes every callback URL of the account at once', () => {
  it('authentic callbacks of every provider get 401 and store nothing', async () => {
    const fresh = await merchantWithHooks();
    const order = await fresh.merchant.order({ amount: 5_000 });
    const bearer = await fresh.sign.vietqrBearer();
    // Used once first, so the live accounts sit in this isolate's cache.
    expect((await send(await fresh.sign.tingee(tx('no order')))).status).toBe(200);
    expect((await send(fresh.sign.bankhub(tx('no order')))).status).toBe(200);
    const accounts = Object.values(fresh.accounts);
    const counts = () => Promise.all(accounts.map((a) => paymentsOf(a.id)));
    const before = await counts();
    for (const account of accounts) {
      expect((await fresh.merchant.api('DELETE', `/v1/provider-accounts/${account.id}`)).status).toBe(204);
    }
    const content = `TT ${order.paymentCode}`;
    const callbacks = [
      await fresh.sign.casso(tx(content)),
      fresh.sign.sepayApikey(tx(content)),
      await fresh.sign.sepayHmac(tx(content)),
      await fresh.sign.tingee(tx(content)),
      await fresh.sign.payos(tx(content)),
      fresh.sign.bankhub(tx(content)),
      fresh.sign.vietqrToken(),
      fresh.sign.vietqrSync(tx(content), bearer),
    ];
    for (const callback of callbacks) expect((await send(callback)).status, callback.path).toBe(401);
    expect(await counts()).toEqual(before);
    expect((await fresh.merchant.api('GET', `/v1/orders/${order.id}`)).body).toMatchObject({ status: 'pending', amountPaid: 0 });
    // Deleted is gone for the API too: GET and PATCH are 404, a second DELETE too.
    const { casso } = fresh.accounts;
    expect((await fresh.merchant.api('GET', `/v1/provider-accounts/${casso.id}`)).status).toBe(404);
    expect((await fresh.merchant.api('PATCH', `/v1/provider-accounts/${casso.id}`, { checksumKey: hex(32) })).status).toBe(404);
    expect((await fresh.merchant.api('DELETE', `/v1/provider-accounts/${casso.id}`)).status).toBe(404);
  });
});
