import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { BASE } from '../fixtures/app';
import { countingDb } from '../fixtures/counting-db';
import { merchantWithHooks } from '../fixtures/hooks';

/*
 * A flood of forged callbacks must cost little: a request whose credentials are missing or malformed is
 * refused from its headers alone, before the body is read or parsed and before any database lookup.
 * The app runs here with a D1 binding that counts statements and a body that records being read.
 */

const app = createApp();
const { bindings, statements } = countingDb();

/** A body that notes whether anyone read it. */
function watchedBody(text: string) {
  const watch = { read: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        watch.read = true;
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
      // No read-ahead: pull runs only when someone reads.
    },
    { highWaterMark: 0 },
  );
  return { stream, watch };
}

async function forged(path: string, headers: Record<string, string>) {
  const { stream, watch } = watchedBody(JSON.stringify({ data: { id: 1, amount: 50_000, description: 'QRABCDEFG' } }));
  const before = statements.length;
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${BASE}${path}`, { method: 'POST', headers, body: stream }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, statements: statements.length - before, bodyRead: watch.read };
}

let hooks: Awaited<ReturnType<typeof merchantWithHooks>>;
beforeAll(async () => {
  hooks = await merchantWithHooks();
});

describe('a flood of forged callbacks is cheap', () => {
  it('missing or malformed credentials: 401 with no D1 statement and the body never read', async () => {
    const json = { 'content-type': 'application/json' };
    const id = (p: keyof typeof hooks.accounts) => hooks.accounts[p].id;
    const floods: [string, Record<string, string>][] = [
      [`/hooks/casso/${id('casso')}`, json],
      [`/hooks/casso/${id('casso')}`, { ...json, 'x-casso-signature': 'garbage' }],
      [`/hooks/casso/${id('casso')}`, { ...json, 'x-casso-signature': `t=1000,v1=${'a'.repeat(128)}` }], // stale
      [`/hooks/sepay/${id('sepay')}`, json],
      [`/hooks/sepay/${id('sepay')}`, { ...json, 'x-sepay-signature': 'sha256=zz', 'x-sepay-timestamp': 'now' }],
      [`/hooks/tingee/${id('tingee')}`, json],
      [`/hooks/tingee/${id('tingee')}`, { ...json, 'x-signature': 'ab', 'x-request-timestamp': '2020' }],
      [`/hooks/vietqr/${id('vietqr')}/bank/api/transaction-sync`, json],
      [`/hooks/vietqr/${id('vietqr')}/bank/api/transaction-sync`, { ...json, authorization: 'Basic abc' }],
      [`/hooks/vietqr/${id('vietqr')}/api/token_generate`, json],
      [`/hooks/vietqr/${id('vietqr')}/api/token_generate`, { ...json, authorization: 'Bearer x' }],
    ];
    for (let round = 0; round < 20; round++) {
      for (const [path, headers] of floods) {
        const res = await forged(path, headers);
        expect(res, `${path} ${JSON.stringify(headers)}`).toEqual({ status: 401, statements: 0, bodyRead: false });
      }
    }
  });

  it('for contrast: well-formed but wrong credentials cost exactly the account lookup', async () => {
    const res = await forged(`/hooks/casso/${hooks.accounts.casso.id}`, {
      'content-type': 'application/json',
      'x-casso-signature': `t=${Date.now()},v1=${'a'.repeat(128)}`,
    });
    expect(res.status).toBe(401);
    expect(res.statements).toBe(1);
    expect(res.bodyRead).toBe(true);
  });
});
