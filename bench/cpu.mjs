// CPU time per request, measured from outside: workerd's performance.now() does not advance during
// synchronous execution, so the clock is the CPU time (user + system, /proc/<pid>/stat) of every process
// of the dev server's process group, read before and after N sequential requests of one route (plus the
// time for the server to go quiet again, so that work a request leaves behind — DO alarms, D1 projection —
// is counted), minus the group's idle burn over that time, minus the same for N no-op requests (GET /healthz).
// Then the same clock on a bare calibration Worker (bench/calibration/) prices each platform primitive
// (a D1 statement, a Durable Object call, a DO write, an alarm, a log line) in this local runtime.
import { createMerchant, sendCallback, sign } from './merchant.mjs';
import { bench, isMain, median, sharedProject, sleep, startProject, stopSharedProject } from './server.mjs';

/** Requests per route: ROUNDS batches of PER_BATCH sequential requests. */
const ROUNDS = 3;
const PER_BATCH = 20;
const N = ROUNDS * PER_BATCH;
const PROVIDERS = ['casso', 'sepay', 'tingee', 'payos', 'vietqr', 'bankhub'];

/** CPU seconds per second the group burns when nothing is asked of it (file watcher, timers). */
async function idleRate(server, ms = 3_000) {
  await quiet(server);
  const c0 = server.cpuSplit();
  const t0 = performance.now();
  await sleep(ms);
  const c1 = server.cpuSplit();
  const seconds = (performance.now() - t0) / 1000;
  return { total: (c1.total - c0.total) / seconds, runtime: (c1.runtime - c0.runtime) / seconds };
}

/** Waits until the group's CPU use is down to about idle for two 500 ms windows in a row (ticks are 10 ms), at most 8 s. */
async function quiet(server, idle = { total: 0.02 }) {
  const deadline = performance.now() + 8_000;
  let last = server.cpuSplit().total;
  let calm = 0;
  while (performance.now() < deadline && calm < 2) {
    await sleep(500);
    const now = server.cpuSplit().total;
    calm = now - last <= idle.total * 0.5 + 0.015 ? calm + 1 : 0;
    last = now;
  }
}

/** CPU ms per request of `send(i)` for i in 0..N-1, sent one after another, idle burn removed: {total, runtime}. */
async function cpuPerRequest(server, idle, send, check, n = PER_BATCH) {
  // The server is quiet here: idleRate() and every batch before this one end by waiting for it.
  const c0 = server.cpuSplit();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await send(i);
    if (!check(res)) throw new Error(`unexpected answer ${res.status} ${res.text.slice(0, 300)}`);
  }
  await quiet(server, idle);
  const seconds = (performance.now() - t0) / 1000;
  const c1 = server.cpuSplit();
  return {
    total: ((c1.total - c0.total - idle.total * seconds) * 1000) / n,
    runtime: ((c1.runtime - c0.runtime - idle.runtime * seconds) * 1000) / n,
  };
}

const minus = (a, b) => ({ total: Math.max(0, a.total - b.total), runtime: Math.max(0, a.runtime - b.runtime) });
/** Median of each field (the rounds of one route). */
const medianOf = (xs) => ({ total: median(xs.map((x) => x.total)), runtime: median(xs.map((x) => x.runtime)) });
const ms = (x) => x.toFixed(1);

async function application(server) {
  const merchant = await createMerchant(server, { name: 'Bench CPU' });
  const direct = await merchant.account('direct');
  const accounts = {};
  for (const provider of PROVIDERS) accounts[provider] = await merchant.account(provider);
  const orderFields = { amount: 50_000, providerAccountId: direct.id };
  const orders = await merchant.orders((N + 1) * PROVIDERS.length, 8, orderFields);
  const vietqrToken = (await sendCallback(server, sign.vietqrToken(accounts.vietqr))).json?.access_token;
  if (!vietqrToken) throw new Error('vietqr token_generate gave no token');

  // Warm every path once (compilation, first D1 statements) outside the measurement.
  let spare = N * PROVIDERS.length;
  const callback = (provider, order) =>
    sign[provider](
      accounts[provider],
      { amount: order.amount, content: `THANH TOAN ${order.paymentCode}` },
      provider === 'vietqr' ? { token: vietqrToken } : {},
    );
  for (const provider of PROVIDERS) await sendCallback(server, callback(provider, orders[spare++]));
  await merchant.createOrderRequest(orderFields);
  await server.request('GET', `/qr/${orders[0].id}.svg?size=100`);

  const idle = await idleRate(server);
  const ok200 = (res) => res.status === 200;
  const batches = {
    noop: () => cpuPerRequest(server, idle, () => server.request('GET', '/healthz'), ok200),
    create_order: () =>
      cpuPerRequest(
        server,
        idle,
        () => merchant.createOrderRequest(orderFields),
        (res) => res.status === 201,
      ),
    ...Object.fromEntries(
      PROVIDERS.map((provider, p) => [
        `callback_${provider}`,
        (round) =>
          cpuPerRequest(server, idle, (i) => sendCallback(server, callback(provider, orders[p * N + round * PER_BATCH + i])), ok200),
      ]),
    ),
    // Each (order, size) is a first rendering: the Cache API holds nothing for it yet.
    qr_svg: (round) =>
      cpuPerRequest(server, idle, (i) => server.request('GET', `/qr/${orders[i].id}.svg?size=${200 + round * PER_BATCH + i}`), ok200),
  };
  // Rounds interleave every route, so that a burst of load from elsewhere touches all of them alike; median per route.
  const samples = Object.fromEntries(Object.keys(batches).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, batch] of Object.entries(batches)) samples[name].push(await batch(round));
  }
  const noops = samples.noop;
  const routes = Object.fromEntries(
    Object.entries(samples)
      .filter(([name]) => name !== 'noop')
      .map(([name, xs]) => [name, medianOf(xs)]),
  );

  const base = medianOf(noops);
  for (const [name, cost] of Object.entries(routes)) bench(`cpu_ms_${name}`, minus(cost, base).total, 'ms');
  console.log(
    `NOTE cpu: each figure is the median of ${ROUNDS} interleaved rounds of ${PER_BATCH} sequential requests. The no-op GET /healthz itself costs ${ms(base.total)} ms per request across the dev server's processes (${noops.map((x) => ms(x.total)).join(', ')} in the rounds), ${ms(base.runtime)} ms of it in the Worker's workerd; idle burn ${ms(idle.total * 1000)} ms/s. Of each figure above, the Worker's own workerd process (Worker, Durable Objects, local D1 simulator; not wrangler's proxy and Node tooling): ${Object.entries(
      routes,
    )
      .map(([name, cost]) => `${name} ${ms(minus(cost, base).runtime)}`)
      .join(', ')} ms`,
  );
}

/** The bare calibration Worker: CPU of one platform primitive per request, over a plain `new Response()`. */
async function calibration() {
  const server = await startProject({ label: 'calibration', worker: 'calibration', health: '/noop', vars: {} });
  try {
    const ok = (res) => res.status === 200;
    await server.request('GET', '/setup');
    const routes = ['/noop', '/d1-read', '/d1-write-batch', '/do-call', '/do-write', '/do-alarm', '/log'];
    for (const route of routes) for (let i = 0; i < 3; i++) await server.request('GET', route);
    const idle = await idleRate(server);
    const samples = Object.fromEntries(routes.map((route) => [route, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const route of routes) samples[route].push(await cpuPerRequest(server, idle, () => server.request('GET', route), ok));
    }
    const costs = Object.fromEntries(routes.map((route) => [route, medianOf(samples[route])]));
    const name = {
      '/d1-read': 'd1_read',
      '/d1-write-batch': 'd1_batch_3_inserts',
      '/do-call': 'do_rpc',
      '/do-write': 'do_transaction_3_inserts',
      '/do-alarm': 'do_set_alarm_and_run',
      '/log': 'console_log_line',
    };
    for (const [route, label] of Object.entries(name)) bench(`local_cpu_ms_${label}`, minus(costs[route], costs['/noop']).total, 'ms');
    console.log(
      `NOTE cpu: calibration Worker (bench/calibration/, no framework): a bare fetch costs ${ms(costs['/noop'].total)} ms across the processes (${ms(costs['/noop'].runtime)} ms in workerd); each primitive above is its extra cost, of which in the Worker's workerd: ${Object.entries(
        name,
      )
        .map(([route, label]) => `${label} ${ms(minus(costs[route], costs['/noop']).runtime)}`)
        .join(', ')} ms`,
    );
  } finally {
    await server.stop();
  }
}

export async function run({ server: given } = {}) {
  await application(given ?? (await sharedProject()));
  await stopSharedProject(); // the sections before are done with it; nothing else shares the CPU clock now
  await calibration();
}

if (isMain(import.meta)) await run();
