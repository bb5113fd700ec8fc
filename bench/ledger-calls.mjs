// What one request costs before it is answered, counted in the bench build (bench/instrumented/entry.ts):
// D1 statements and Durable Object calls of the Worker, plus those a ledger makes inside `register` or
// `receive`. Targets (issue 12): a callback 0 D1 statements and ≤ 2 DO calls; an order creation ≤ 2 D1
// statements and ≤ 1 DO call. Requests go one at a time, with a pause, so that no ledger work after an
// answer (projection, fan-out) is counted against the next request.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMerchant, sendCallback, sign } from './merchant.mjs';
import { bench, isMain, median, sleep, startProject } from './server.mjs';

const SAMPLES = 40;
const PAUSE_MS = 150;

/** The copy serves bench/instrumented/entry.ts instead of src/index.ts: same app, same classes, counted bindings. */
function instrumented(dir) {
  const config = join(dir, 'wrangler.toml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^main = .*$/m, 'main = "bench/instrumented/entry.ts"'));
}

const counts = (res) => ({ d1: Number(res.headers['x-bench-d1']), doCalls: Number(res.headers['x-bench-do']) });

export async function run() {
  const server = await startProject({ label: 'ledger-calls', prepare: instrumented });
  try {
    const merchant = await createMerchant(server, { name: 'Bench ledger calls' });
    const direct = await merchant.account('direct');
    const casso = await merchant.account('casso');
    const ledger = `${merchant.id}:${merchant.accountNumber}`;
    const ledgerCounts = async () => (await server.request('GET', `/__bench/ledger?name=${encodeURIComponent(ledger)}`)).json;

    // Warm: the first order opens the ledger (its one-time import from D1) and fills the isolate's caches.
    await merchant.order({ amount: 50_000, expiresInSeconds: 3600, providerAccountId: direct.id });
    await sleep(PAUSE_MS);

    const create = { d1: [], doCalls: [] };
    const orders = [];
    for (let i = 0; i < SAMPLES; i++) {
      const before = await ledgerCounts();
      const res = await merchant.createOrderRequest({ amount: 50_000, expiresInSeconds: 3600, providerAccountId: direct.id });
      if (res.status !== 201) throw new Error(`POST /v1/orders → ${res.status} ${res.text}`);
      orders.push(res.json);
      await sleep(PAUSE_MS);
      const after = await ledgerCounts();
      const own = counts(res);
      create.d1.push(own.d1 + after.register.d1 - before.register.d1);
      create.doCalls.push(own.doCalls + after.register.doCalls - before.register.doCalls);
    }

    const callback = { d1: [], doCalls: [] };
    // Warm the callback path (the account cache) on an order of its own.
    await sendCallback(server, sign.casso(casso, { amount: 50_000, content: `TT ${orders[0].paymentCode}` }));
    await sleep(PAUSE_MS);
    for (let i = 1; i <= SAMPLES - 1; i++) {
      const before = await ledgerCounts();
      const res = await sendCallback(server, sign.casso(casso, { amount: 50_000, content: `TT ${orders[i].paymentCode}` }));
      if (res.status !== 200) throw new Error(`callback → ${res.status} ${res.text}`);
      await sleep(PAUSE_MS);
      const after = await ledgerCounts();
      const own = counts(res);
      callback.d1.push(own.d1 + after.receive.d1 - before.receive.d1);
      callback.doCalls.push(own.doCalls + after.receive.doCalls - before.receive.doCalls);
    }

    const spread = (xs) => `min ${Math.min(...xs)}, max ${Math.max(...xs)}`;
    console.log(
      `NOTE ledger-calls: ${SAMPLES} order creations and ${SAMPLES - 1} matched Casso callbacks, one at a time, counted in the bench build (Worker bindings per request + the ledger's own inside register/receive); create D1 ${spread(create.d1)}, DO ${spread(create.doCalls)}; callback D1 ${spread(callback.d1)}, DO ${spread(callback.doCalls)}`,
    );
    bench('create_sync_d1_statements', median(create.d1), 'statements');
    bench('create_sync_do_calls', median(create.doCalls), 'calls');
    bench('callback_sync_d1_statements', median(callback.d1), 'statements');
    bench('callback_sync_do_calls', median(callback.doCalls), 'calls');
  } finally {
    await server.stop();
  }
}

if (isMain(import.meta)) await run();
