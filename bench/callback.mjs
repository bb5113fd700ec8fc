// Callback load: signed Casso callbacks of distinct transactions, each paying a real order, against
// GET /healthz (a no-op Hono route) on the same server in the same run; then a storm of 1,000 copies of one callback.
import { createMerchant, sendCallback, sign } from './merchant.mjs';
import { bench, isMain, load, percentile, ratio, sharedProject, sleep } from './server.mjs';

const CONCURRENCY = 32;
/** Each side gets 10 s in all, as two interleaved 5 s rounds (noop, callback, noop, callback): a busy machine slows both alike. */
const ROUNDS = 2;
const ROUND_MS = 5_000;
/**
 * Open orders, paid in full one callback each (pending → paid: one payment, payment.received and order.paid).
 * More than the callbacks 10 s can send here; should a faster machine send more, the extra callbacks pay
 * already-paid orders again (a late payment: one payment, payment.received), and the note says how many.
 */
const ORDERS = 1_000;
const ORDER_AMOUNT = 50_000;
const STORM_COPIES = 1_000;
const STORM_CONCURRENCY = 64;

export async function run({ server: given } = {}) {
  const server = given ?? (await sharedProject());
  const merchant = await createMerchant(server, { name: 'Bench callbacks' });
  await merchant.account('direct');
  const casso = await merchant.account('casso');

  const t0 = performance.now();
  const orders = await merchant.orders(ORDERS, 8, { amount: ORDER_AMOUNT, expiresInSeconds: 3600 });
  console.error(`# callback: ${ORDERS} orders created in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Warm both paths (first-use compilation, connections) so neither side pays it inside the measurement.
  const callbackFor = (i) => sign.casso(casso, { amount: ORDER_AMOUNT, content: `THANH TOAN ${orders[i % ORDERS].paymentCode} CAM ON` });
  let sent = 0;
  const sendOne = () => sendCallback(server, callbackFor(sent++));
  await load({ concurrency: 4, count: 40, send: () => server.request('GET', '/healthz') });
  await load({ concurrency: 4, count: 40, send: sendOne });

  const noop = [];
  const callbacks = [];
  for (let round = 0; round < ROUNDS; round++) {
    noop.push(await load({ concurrency: CONCURRENCY, durationMs: ROUND_MS, send: () => server.request('GET', '/healthz') }));
    callbacks.push(
      await load({
        concurrency: CONCURRENCY,
        durationMs: ROUND_MS,
        send: sendOne,
        ok: (r) => r.status === 200 && r.json?.success === true,
      }),
    );
  }
  const cb = combine(callbacks);
  const nop = combine(noop);
  if (cb.failures) throw new Error(`callback load: ${cb.failures} of ${cb.requests} callbacks failed; first: ${cb.firstFailure}`);
  console.log(
    `NOTE callback: ${cb.requests} distinct signed Casso callbacks, each paying one of ${ORDERS} open orders in full, matched by payment code (one payment, payment.received and order.paid each; no endpoints; ${Math.max(0, sent - ORDERS)} paid an order a second time) and ${nop.requests} GET /healthz, at ${CONCURRENCY} concurrent, in ${ROUNDS} interleaved rounds of ${ROUND_MS / 1000} s per side; callback p50 ${cb.p50.toFixed(1)} ms, no-op p50 ${nop.p50.toFixed(1)} ms`,
  );
  bench('callback_rps', cb.rps, 'req/s');
  bench('callback_p99_ms', cb.p99, 'ms');
  bench('noop_rps', nop.rps, 'req/s');
  bench('noop_p99_ms', nop.p99, 'ms');
  ratio('callback_vs_noop', cb.rps / nop.rps);
  ratio('callback_p99_vs_noop_p99', cb.p99 / nop.p99);

  await storm(server);
}

/** 1,000 copies of one signed callback at once: one payment, two events (payment.received, order.paid). */
async function storm(server) {
  const merchant = await createMerchant(server, { name: 'Bench storm' });
  await merchant.account('direct');
  const casso = await merchant.account('casso');
  const order = await merchant.order({ amount: 50_000 });
  const callback = sign.casso(casso, { amount: 50_000, content: `CK ${order.paymentCode}` });
  const result = await load({
    concurrency: STORM_CONCURRENCY,
    count: STORM_COPIES,
    send: () => sendCallback(server, callback),
    ok: (r) => r.status === 200 && r.json?.success === true,
  });
  if (result.failures) throw new Error(`storm: ${result.failures} of ${STORM_COPIES} copies failed; first: ${result.firstFailure}`);
  bench('storm_p99_ms', result.p99, 'ms');

  // D1 is the DO's projection: give it a moment, then count through the API.
  let payments = [];
  let events = [];
  for (let i = 0; i < 20; i++) {
    payments = await merchant.listAll(`/v1/orders/${order.id}/payments`);
    events = (await merchant.listAll('/v1/events')).filter((e) => e.data?.order?.id === order.id);
    if (payments.length >= 1 && events.length >= 2) break;
    await sleep(250);
  }
  await sleep(500);
  payments = await merchant.listAll(`/v1/orders/${order.id}/payments`);
  events = (await merchant.listAll('/v1/events')).filter((e) => e.data?.order?.id === order.id);
  bench('storm_payments', payments.length, 'count');
  bench('storm_events', events.length, 'count');
  console.log(
    `NOTE callback: storm of ${STORM_COPIES} copies of one callback at ${STORM_CONCURRENCY} concurrent, ${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms; the order's events: ${events.map((e) => e.type).join(', ')}`,
  );
}

function combine(results) {
  const latencies = results.flatMap((r) => r.latencies);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  return {
    requests: latencies.length,
    failures: results.reduce((sum, r) => sum + r.failures, 0),
    firstFailure: results.find((r) => r.firstFailure)?.firstFailure ?? null,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

if (isMain(import.meta)) await run();
