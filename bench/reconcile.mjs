// Reconciliation: one Casso account whose listing holds 1,000 incoming transfers, 990 of them already
// recorded by their webhooks (transfers that name no order, parked unmatched, as most of a shop's bank
// feed is), 10 whose webhooks never came, each paying one open order. Manual
// runs from the stored cursor (POST …/reconcile, no since) go through the listing, 500 transactions a run
// (CONTRACT §9), until it is done. Prints the runs' own time (startedAt → finishedAt, summed), per
// transaction, and what each run sent: D1 statements and Durable Object calls, from the run's log line.
import http from 'node:http';
import { createMerchant, sendCallback, sign } from './merchant.mjs';
import { bench, isMain, load, sharedProject, sleep } from './server.mjs';

const TRANSFERS = 1_000;
const KNOWN = 990;
const AMOUNT = 50_000;

/** Vietnam wall-clock time as Casso prints `when`. */
const vnWhen = (date) => new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19);

/** A local Casso API (GET /v2/transactions, Apikey auth, pages by number) listing `records`. */
async function fakeCasso(apiKey, records) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://casso');
    res.setHeader('content-type', 'application/json');
    res.setHeader('connection', 'close'); // no idle keep-alive socket for the Worker to find closed
    if (req.headers.authorization !== `Apikey ${apiKey}` || url.pathname !== '/v2/transactions') {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: 401, message: 'Unauthorized Access', data: null }));
      return;
    }
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('pageSize') ?? 10);
    const totalPages = Math.ceil(records.length / size);
    const slice = records.slice((page - 1) * size, page * size);
    res.end(
      JSON.stringify({
        error: 0,
        message: 'success',
        data: { page, pageSize: size, nextPage: page < totalPages ? page + 1 : null, totalPages, records: slice },
      }),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The run's own log line (src/reconcile/run-account.ts), with its counts. */
function runLog(server, runId) {
  const line = server
    .tail(5_000)
    .split('\n')
    .find((text) => text.includes('"msg":"reconciliation run"') && text.includes(runId));
  const json = line?.slice(line.indexOf('{'), line.lastIndexOf('}') + 1);
  return json ? JSON.parse(json) : null;
}

export async function run({ server: given } = {}) {
  const server = given ?? (await sharedProject());
  const merchant = await createMerchant(server, { name: 'Bench reconcile' });
  await merchant.account('direct');
  const apiKey = `AK_CS.bench${Date.now()}`;
  const records = [];
  const fake = await fakeCasso(apiKey, records);
  try {
    const casso = await merchant.account('casso', { apiKey, baseUrl: fake.base });
    const orders = await merchant.orders(TRANSFERS - KNOWN, 8, { amount: AMOUNT, expiresInSeconds: 3600 });
    const when = vnWhen(new Date());
    for (let i = 0; i < TRANSFERS; i++) {
      const order = orders[i - KNOWN];
      const description = order ? `CK ${order.paymentCode}` : `chuyen tien ${i}`;
      records.push({
        id: 700_000 + i,
        tid: `FT26${String(i).padStart(10, '0')}`,
        description,
        amount: AMOUNT,
        cusum_balance: 0,
        when,
        bankSubAccId: merchant.accountNumber,
        virtualAccount: '',
      });
    }
    // 990 arrive by webhook first (the same Casso ids); the last 10 only through the listing.
    let sent = 0;
    const result = await load({
      concurrency: 16,
      count: KNOWN,
      send: () => {
        const r = records[sent++];
        return sendCallback(server, sign.casso(casso, { id: r.id, reference: r.tid, amount: r.amount, content: r.description }));
      },
      ok: (res) => res.status === 200,
    });
    if (result.failures) throw new Error(`webhooks: ${result.failures} of ${KNOWN} failed; first: ${result.firstFailure}`);

    const runs = [];
    for (let i = 0; i < 5; i++) {
      const started = await merchant.api('POST', `/v1/provider-accounts/${casso.id}/reconcile`, {});
      if (started.status !== 202) throw new Error(`reconcile: ${started.status} ${started.text}`);
      let finished = null;
      for (let wait = 0; wait < 1_200 && !finished; wait++) {
        await sleep(50);
        const page = await merchant.api('GET', `/v1/reconciliation-runs?providerAccountId=${casso.id}&limit=5`);
        finished = page.json.data.find((r) => r.id === started.json.id && r.status !== 'running') ?? null;
      }
      if (!finished) throw new Error(`run ${started.json.id} did not finish`);
      if (finished.status !== 'succeeded') throw new Error(`run ${finished.id} ${finished.status}: ${finished.error}`);
      runs.push(finished);
      if (runs.reduce((n, r) => n + r.fetched, 0) >= TRANSFERS) break;
    }
    const ms = runs.reduce((sum, r) => sum + (Date.parse(r.finishedAt) - Date.parse(r.startedAt)), 0);
    const settled = runs.reduce((n, r) => n + r.settled, 0);
    const known = runs.reduce((n, r) => n + r.known, 0);
    if (settled !== TRANSFERS - KNOWN || known !== KNOWN)
      throw new Error(`expected ${TRANSFERS - KNOWN} settled and ${KNOWN} known, got ${settled} and ${known}`);
    await sleep(500); // the last run's log line
    const logs = runs.map((r) => runLog(server, r.id));
    bench('reconcile_run_ms_1000', ms, 'ms');
    bench('reconcile_ms_per_transaction', ms / TRANSFERS, 'ms');
    bench('reconcile_runs_1000', runs.length, 'count');
    if (logs.every(Boolean)) {
      const d1 = logs.map((l) => l.d1Statements);
      const calls = logs.map((l) => l.doCalls);
      bench('reconcile_d1_statements_per_run', Math.max(...d1), 'count');
      bench('reconcile_do_calls_per_run', Math.max(...calls), 'count');
      console.log(
        `NOTE reconcile: ${runs.length} runs of ≤ 500 transactions (${runs.map((r) => `${r.fetched} fetched, ${r.settled} settled, ${r.known} known`).join('; ')}); per run D1 statements ${d1.join(', ')}, Durable Object calls ${calls.join(', ')} (sent by the run itself: cursor, run row, and one ledger call per page of up to 100 reports; each known report still gets its reconciliation report added and projected)`,
      );
    } else {
      console.log('NOTE reconcile: the runs’ log lines were not found in the dev server log; D1 and DO counts not printed');
    }
  } finally {
    await fake.close();
  }
}

if (isMain(import.meta)) await run();
