// End to end: a signed Casso callback pays an order; the time until the merchant's endpoint (a local
// receiver on 127.0.0.1) gets that order's `order.paid` event, over 200 orders.
import http from 'node:http';
import { createMerchant, sendCallback, sign } from './merchant.mjs';
import { bench, isMain, median, percentile, sharedProject, sleep } from './server.mjs';

const ORDERS = 200;
const WAIT_MS = 30_000;

/** A merchant endpoint: notes when each order's `order.paid` arrives, answers 204 at once. */
async function startReceiver() {
  const paidAt = new Map();
  const waiting = new Map();
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      requests += 1;
      res.writeHead(204).end();
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const orderId = event?.data?.order?.id;
        if (event.type === 'order.paid' && orderId && !paidAt.has(orderId)) {
          paidAt.set(orderId, at);
          waiting.get(orderId)?.(at);
        }
      } catch {
        // not an event: ignored
      }
    });
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    requests: () => requests,
    /** Resolves with the arrival time of the order's order.paid (performance.now() clock), or null after WAIT_MS. */
    paid(orderId) {
      if (paidAt.has(orderId)) return Promise.resolve(paidAt.get(orderId));
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), WAIT_MS);
        waiting.set(orderId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function run({ server: given } = {}) {
  const server = given ?? (await sharedProject());
  const receiver = await startReceiver();
  try {
    const merchant = await createMerchant(server, { name: 'Bench delivery' });
    await merchant.account('direct');
    const casso = await merchant.account('casso');
    const endpoint = await merchant.api('POST', '/v1/endpoints', { url: receiver.url, eventTypes: null });
    if (endpoint.status !== 201) throw new Error(`POST /v1/endpoints: ${endpoint.status} ${endpoint.text}`);
    const orders = await merchant.orders(ORDERS, 8, { amount: 50_000 });
    await sleep(1_000); // let the creations' own work settle

    // One callback in flight at a time; deliveries overlap with the next callbacks, as in a steady stream.
    const delays = [];
    const callbackMs = [];
    const pending = [];
    for (const order of orders) {
      const callback = sign.casso(casso, { amount: order.amount, content: `CK ${order.paymentCode}` });
      const sentAt = performance.now();
      const arrival = receiver.paid(order.id);
      const res = await sendCallback(server, callback);
      if (res.status !== 200) throw new Error(`callback: ${res.status} ${res.text.slice(0, 300)}`);
      callbackMs.push(res.ms);
      pending.push(arrival.then((at) => at !== null && delays.push(at - sentAt)));
    }
    await Promise.all(pending);
    const lost = ORDERS - delays.length;
    if (lost) throw new Error(`${lost} of ${ORDERS} order.paid events did not arrive within ${WAIT_MS / 1000} s`);
    bench('e2e_delivery_p50_ms', median(delays), 'ms');
    bench('e2e_delivery_p99_ms', percentile(delays, 99), 'ms');
    console.log(
      `NOTE e2e: ${ORDERS} orders paid by signed Casso callbacks, one in flight at a time, endpoint subscribed to every event type; callback answered p50 ${median(callbackMs).toFixed(1)} ms, order.paid at the receiver p50 ${median(delays).toFixed(1)} ms after sending; ${receiver.requests()} deliveries received`,
    );
  } finally {
    await receiver.close();
  }
}

if (isMain(import.meta)) await run();
