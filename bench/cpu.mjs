// CPU time per request, measured from outside: workerd's performance.now() does not advance during
// synchronous execution, so the clock is the CPU time (user + system, /proc/<pid>/stat) of every process
// of the dev server's process group, read before and after N sequential requests of one route (plus the
// time for the server to go quiet again, so that work a request leaves behind — DO alarms, D1 projection —
// is counted), minus the group's idle rate over that time, minus the same for N no-op requests (GET /healthz).
import { createMerchant, sendCallback, sign } from './merchant.mjs';
import { bench, isMain, sharedProject, sleep } from './server.mjs';

const N = 40;
const PROVIDERS = ['casso', 'sepay', 'tingee', 'payos', 'vietqr', 'bankhub'];

/** CPU seconds the group burns per second when nothing is asked of it (file watcher, timers). */
async function idleRate(server, ms = 2_000) {
  await quiet(server);
  const c0 = server.cpuSeconds();
  const t0 = performance.now();
  await sleep(ms);
  return (server.cpuSeconds() - c0) / ((performance.now() - t0) / 1000);
}

/** Waits until the group's CPU use over 300 ms is down to (about) idle, at most 5 s. */
async function quiet(server, idle = 0.02) {
  const deadline = performance.now() + 5_000;
  let last = server.cpuSeconds();
  while (performance.now() < deadline) {
    await sleep(300);
    const now = server.cpuSeconds();
    const used = now - last;
    last = now;
    if (used <= idle * 0.3 + 0.011) return;
  }
}

/** CPU ms per request of `send(i)` for i in 0..N-1, sent one after another; the group's idle burn removed. */
async function cpuPerRequest(server, idle, send, check) {
  await quiet(server, idle);
  const c0 = server.cpuSeconds();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const res = await send(i);
    if (!check(res)) throw new Error(`unexpected answer ${res.status} ${res.text.slice(0, 300)}`);
  }
  await quiet(server, idle);
  const seconds = (performance.now() - t0) / 1000;
  return ((server.cpuSeconds() - c0 - idle * seconds) * 1000) / N;
}

export async function run({ server: given } = {}) {
  const server = given ?? (await sharedProject());
  const merchant = await createMerchant(server, { name: 'Bench CPU' });
  const direct = await merchant.account('direct');
  const accounts = {};
  for (const provider of PROVIDERS) accounts[provider] = await merchant.account(provider);
  const orderFields = { amount: 50_000, providerAccountId: direct.id };
  const orders = await merchant.orders(N * (PROVIDERS.length + 1), 8, orderFields);
  const vietqrToken = (await sendCallback(server, sign.vietqrToken(accounts.vietqr))).json?.access_token;
  if (!vietqrToken) throw new Error('vietqr token_generate gave no token');

  // Warm every path once (compilation, first D1 statements) outside the measurement.
  let spare = N * PROVIDERS.length;
  const content = (order) => `THANH TOAN ${order.paymentCode}`;
  const callback = (provider, order) =>
    sign[provider](
      accounts[provider],
      { amount: order.amount, content: content(order) },
      provider === 'vietqr' ? { token: vietqrToken } : {},
    );
  for (const provider of PROVIDERS) await sendCallback(server, callback(provider, orders[spare++]));
  await merchant.createOrderRequest(orderFields);
  await server.request('GET', `/qr/${orders[0].id}.svg?size=100`);

  const idle = await idleRate(server);
  const ok200 = (res) => res.status === 200;
  const figures = {};
  const noop = () => cpuPerRequest(server, idle, () => server.request('GET', '/healthz'), ok200);
  const noops = [await noop()];
  figures.create_order = await cpuPerRequest(
    server,
    idle,
    () => merchant.createOrderRequest(orderFields),
    (res) => res.status === 201,
  );
  PROVIDERS.forEach((provider, p) => {
    figures[`callback_${provider}`] = () =>
      cpuPerRequest(server, idle, (i) => sendCallback(server, callback(provider, orders[p * N + i])), ok200);
  });
  for (const provider of PROVIDERS) figures[`callback_${provider}`] = await figures[`callback_${provider}`]();
  noops.push(await noop());
  // Each (order, size) is a first rendering: the Cache API holds nothing for it yet.
  figures.qr_svg = await cpuPerRequest(server, idle, (i) => server.request('GET', `/qr/${orders[i].id}.svg?size=${200 + i}`), ok200);
  noops.push(await noop());

  const noopMs = noops.reduce((a, b) => a + b, 0) / noops.length;
  console.log(
    `NOTE cpu: no-op GET /healthz costs ${noopMs.toFixed(2)} ms of CPU per request across the dev server's processes (runs: ${noops.map((x) => x.toFixed(2)).join(', ')}); idle burn ${(idle * 1000).toFixed(1)} ms/s; N = ${N} sequential requests per route`,
  );
  for (const [name, ms] of Object.entries(figures)) bench(`cpu_ms_${name}`, Math.max(0, ms - noopMs), 'ms');
}

if (isMain(import.meta)) await run();
