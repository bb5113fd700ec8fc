import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { BASE } from '../fixtures/app';
import { countingDb } from '../fixtures/counting-db';
import { merchantWithHooks, nextTxId, paymentsOf, type Signed } from '../fixtures/hooks';

/*
 * Issue 13, finding 3: unlimited guessing on hooks. Failed authentications are limited per (client IP,
 * provider account) (CONTRACT §6): 20 a minute, then 429 with Retry-After until the window ends, before any
 * credential check or database read. The app runs with the deployed HOOK_AUTH_FAILURES binding
 * (wrangler.toml), a D1 binding that counts statements, and bodies that record being read.
 */

const app = createApp();
const { bindings, statements } = countingDb();

/** Sends `signed` from `ip`: the status, the answer, the D1 statements it cost and whether its body was read. */
async function from(ip: string, signed: Signed) {
  const watch = { read: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        watch.read = true;
        controller.enqueue(new TextEncoder().encode(signed.body));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const before = statements.length;
  const ctx = createExecutionContext();
  const headers = { ...signed.headers, 'cf-connecting-ip': ip };
  const res = await app.fetch(new Request(`${BASE}${signed.path}`, { method: 'POST', headers, body }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json().catch(() => null)) as any,
    statements: statements.length - before,
    bodyRead: watch.read,
  };
}

let hooks: Awaited<ReturnType<typeof merchantWithHooks>>;
beforeAll(async () => {
  hooks = await merchantWithHooks();
});

// Windows are whole minutes of the wall clock: a test that would straddle a boundary waits for the next one.
beforeEach(async () => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}, 20_000);

const tx = () => ({ id: nextTxId(), amount: 1_000, content: 'no order here' });
const wrongKey = 'f'.repeat(64);

function expectRetryAfter(value: string | null) {
  const seconds = Number(value);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
}

describe('failed callback authentications are limited per client IP and account', () => {
  it('the 21st bad guess in a minute is 429 with no credential check, no D1 read, the body unread; so is the right key', async () => {
    const attacker = '198.51.100.21';
    for (let i = 1; i <= 20; i++) {
      const res = await from(attacker, await hooks.sign.casso(tx(), new Date(), wrongKey));
      expect(res.status, `guess ${i}`).toBe(401);
    }
    const guess = await from(attacker, await hooks.sign.casso(tx(), new Date(), wrongKey));
    expect(guess).toMatchObject({ status: 429, statements: 0, bodyRead: false });
    expect(guess.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expectRetryAfter(guess.retryAfter);

    const before = await paymentsOf(hooks.accounts.casso.id);
    const authentic = await from(attacker, await hooks.sign.casso(tx()));
    expect(authentic).toMatchObject({ status: 429, statements: 0, bodyRead: false });
    expect(await paymentsOf(hooks.accounts.casso.id)).toBe(before);

    // Another client: its guesses are still 401, its authentic callback to the same account 200.
    const other = '198.51.100.22';
    expect((await from(other, await hooks.sign.casso(tx(), new Date(), wrongKey))).status).toBe(401);
    expect((await from(other, await hooks.sign.casso(tx()))).status).toBe(200);
    // The attacker's requests to another account are not limited either.
    expect((await from(attacker, hooks.sign.sepayApikey(tx()))).status).toBe(200);
    expect((await from(attacker, hooks.sign.sepayApikey(tx(), 'not-the-api-key-0123'))).status).toBe(401);
  });

  it("malformed credentials count too, and VietQR's token_generate answers 429 in its own format", async () => {
    const guesser = '2001:db8:77::1';
    for (let i = 1; i <= 10; i++) {
      expect((await from(guesser, { ...hooks.sign.vietqrToken(), headers: { authorization: 'Basic nonsense' } })).status).toBe(401);
      expect((await from(guesser, hooks.sign.vietqrToken(hooks.creds.vietqr.callbackUsername, `guess-${i}`))).status).toBe(401);
    }
    // The same /64 is the same client.
    const limited = await from('2001:db8:77::2', hooks.sign.vietqrToken());
    expect(limited).toMatchObject({ status: 429, statements: 0, body: { status: 'FAILED', message: 'TOO_MANY_FAILURES' } });
    expectRetryAfter(limited.retryAfter);
    // transaction-sync is a hook URL of the same account: refused as well, in its envelope.
    const sync = await from(guesser, hooks.sign.vietqrSync(tx(), 'whatever'));
    expect(sync).toMatchObject({ status: 429, statements: 0, bodyRead: false, body: { error: true, errorReason: 'TOO_MANY_FAILURES' } });
    // The provider itself, from its own address, still gets its token.
    expect((await from('203.0.113.9', hooks.sign.vietqrToken())).status).toBe(200);
  });

  it('authentic callbacks are not counted: 30 in a minute from one client all get 200', async () => {
    const provider = '203.0.113.30';
    for (let i = 0; i < 30; i++) expect((await from(provider, await hooks.sign.tingee(tx()))).status).toBe(200);
  });
});
