import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../fixtures/app';
import { merchantWithHooks, nextTxId, paymentsOf, send } from '../fixtures/hooks';

// Every refusal here happens before settlement: the answer is 401 / 400 / 404 / 413 and no payment exists.
let hooks: Awaited<ReturnType<typeof merchantWithHooks>>;
const sixMinutesAgo = () => new Date(Date.now() - 6 * 60_000);
const tx = (content = 'QRABCDEFG') => ({ id: nextTxId(), amount: 50_000, content });
const PROBLEM = 'application/problem+json';

beforeAll(async () => {
  hooks = await merchantWithHooks();
});

async function expectNothingStored() {
  for (const account of Object.values(hooks.accounts)) expect(await paymentsOf(account.id)).toBe(0);
}

describe('provider callbacks refuse what is not authentic (401, nothing stored)', () => {
  it('casso: another key, a changed body, no header, a stale timestamp', async () => {
    const signed = await hooks.sign.casso(tx());
    const refusals = [
      await send(await hooks.sign.casso(tx(), new Date(), 'not-the-key')),
      await send(signed, { body: signed.body.replace('"amount":50000', '"amount":500000') }),
      await send(signed, { headers: { 'x-casso-signature': null } }),
      await send(await hooks.sign.casso(tx(), sixMinutesAgo())),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe(PROBLEM);
    }
    await expectNothingStored();
  });

  it("tingee: another secret, no signature, a stale timestamp — in Tingee's envelope", async () => {
    const signed = await hooks.sign.tingee(tx());
    const refusals = [
      await send(await hooks.sign.tingee(tx(), new Date(), 'f'.repeat(64))),
      await send(signed, { headers: { 'x-signature': null } }),
      await send(await hooks.sign.tingee(tx(), sixMinutesAgo())),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: expect.any(String), message: expect.any(String) });
      expect(res.body.code).not.toBe('00');
    }
    await expectNothingStored();
  });

  it('sepay: a wrong Apikey, an HMAC with another secret, a stale HMAC, no credentials', async () => {
    const refusals = [
      await send(hooks.sign.sepayApikey(tx(), 'not-the-key')),
      await send(await hooks.sign.sepayHmac(tx(), new Date(), 'not-the-secret')),
      await send(await hooks.sign.sepayHmac(tx(), sixMinutesAgo())),
      await send(hooks.sign.sepayApikey(tx()), { headers: { authorization: null } }),
    ];
    for (const res of refusals) expect(res.status).toBe(401);
    await expectNothingStored();
  });

  it('payos: another checksum key, a changed amount, no signature', async () => {
    const signed = await hooks.sign.payos(tx());
    const body = JSON.parse(signed.body);
    const refusals = [
      await send(await hooks.sign.payos(tx(), 'not-the-checksum-key')),
      await send(signed, { body: JSON.stringify({ ...body, data: { ...body.data, amount: 5_000_000 } }) }),
      await send(signed, { body: JSON.stringify({ ...body, signature: undefined }) }),
      await send(signed, { body: 'not json' }),
    ];
    for (const res of refusals) expect(res.status).toBe(401);
    await expectNothingStored();
  });

  it('bankhub: a wrong URL token', async () => {
    const res = await send(hooks.sign.bankhub(tx(), 'not-the-url-token'));
    expect(res.status).toBe(401);
    await expectNothingStored();
  });

  it('vietqr token_generate: wrong password, wrong user, no Authorization', async () => {
    const refusals = [
      await send(hooks.sign.vietqrToken(hooks.creds.vietqr.callbackUsername, 'not-the-password')),
      await send(hooks.sign.vietqrToken('someone', hooks.creds.vietqr.callbackPassword)),
      await send(hooks.sign.vietqrToken(), { headers: { authorization: null } }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ status: 'FAILED' });
    }
  });

  it("vietqr transaction-sync: no bearer, a token we never issued, another account's token — {error:true,…,object:null}", async () => {
    const other = await merchantWithHooks();
    const otherToken = await other.sign.vietqrBearer();
    const signed = hooks.sign.vietqrSync(tx(), 'not-a-token-we-issued');
    const refusals = [
      await send(signed),
      await send(signed, { headers: { authorization: null } }),
      await send(hooks.sign.vietqrSync(tx(), otherToken)),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: true, errorReason: expect.any(String), toastMessage: expect.any(String), object: null });
    }
    expect(refusals.map((r) => r.body.errorReason)).toEqual(['INVALID_TOKEN', 'INVALID_AUTH_HEADER', 'INVALID_TOKEN']);
    await expectNothingStored();
  });
});

describe('provider callbacks refuse authentic but malformed bodies (400, nothing stored)', () => {
  it('casso, tingee, sepay, payos, bankhub, vietqr', async () => {
    const token = await hooks.sign.vietqrBearer();
    const bankhubNoType = hooks.sign.bankhub(tx());
    const answers = [
      await send(await hooks.sign.casso({ ...tx(), amount: 10.5 })),
      await send(await hooks.sign.tingee(tx(), new Date(), undefined, '{"transactionCode":')),
      await send(await hooks.sign.sepayHmac(tx(), new Date(), undefined, '{"id":1,"transferType":"in"}')),
      await send(await hooks.sign.payos(tx(), undefined, { orderCode: 1, description: 'no amount' })),
      await send(bankhubNoType, { body: JSON.stringify({ ...JSON.parse(bankhubNoType.body), webhookType: undefined }) }),
      await send(hooks.sign.vietqrSync({ ...tx(), id: '' }, token)),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(answers[5]?.body).toMatchObject({ error: true, errorReason: 'INVALID_BODY', object: null });
    await expectNothingStored();
  });
});

describe('callback URLs of accounts that do not exist', () => {
  it("an unknown account, or another provider's account, is 404", async () => {
    const signed = await hooks.sign.casso(tx());
    expect((await call('POST', '/hooks/casso/pa_doesnotexist', { body: signed.body, headers: signed.headers })).status).toBe(404);
    expect((await call('POST', `/hooks/casso/${hooks.accounts.sepay.id}`, { body: signed.body, headers: signed.headers })).status).toBe(
      404,
    );
    const sync = hooks.sign.vietqrToken(undefined, undefined, hooks.accounts.tingee.id);
    const res = await send(sync);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 'FAILED' });
    await expectNothingStored();
  });
});

describe('callback bodies over 64 KiB', () => {
  it('are 413, with or without a Content-Length', async () => {
    const signed = await hooks.sign.casso(tx('x'.repeat(70 * 1024)));
    expect((await send(signed)).status).toBe(413);
    const stream = new Blob([signed.body]).stream();
    const { worker, BASE } = await import('../fixtures/app');
    const res = await worker.fetch(`${BASE}${signed.path}`, {
      method: 'POST',
      headers: signed.headers,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    await expectNothingStored();
  });
});
