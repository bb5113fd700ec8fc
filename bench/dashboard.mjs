// The merchant dashboard: server time of its pages with 10,000 orders in the merchant (median of 40
// sequential GETs each over a keep-alive connection, signed in by a one-time link), each page's HTML size,
// and SQLite's query plan of the dashboard's own D1 reads. 9,950 orders (paid or expired, spread over 60 days,
// with a payment for each paid one) are seeded in bulk through `wrangler d1 execute --local` while the
// server is stopped; 50 more come through the API, some paid in the sandbox and delivered to a local endpoint.
import http from 'node:http';
import { createMerchant } from './merchant.mjs';
import { bench, isMain, median, startProject, stopSharedProject } from './server.mjs';

const ORDERS = 10_000;
const VIA_API = 50;
const N = 40;
const DAY_MS = 86_400_000;

function seedSql({ merchantId, accountId, from, to }) {
  const now = Date.now();
  const step = Math.floor((60 * DAY_MS) / ORDERS);
  return `INSERT INTO orders (id, merchant_id, provider_account_id, provider, status, amount, amount_paid, currency, reference, description,
  payment_code, qr_payload, bank, transfer_content, return_url, metadata, provider_reference, virtual_account, provider_data,
  expires_at, created_at, paid_at, updated_at, version)
WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to - 1}),
t(i, created) AS (SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', (${now} - ${61 * DAY_MS} + i * ${step}) / 1000.0, 'unixepoch') FROM n)
SELECT 'ord_dseed' || printf('%020d', i), '${merchantId}', '${accountId}', 'direct',
  CASE WHEN i % 4 = 0 THEN 'expired' ELSE 'paid' END, 50000 + i % 1000, CASE WHEN i % 4 = 0 THEN 0 ELSE 50000 + i % 1000 END, 'VND',
  'DSEED-' || i, 'Đơn hàng mẫu', 'QD' || printf('%07d', i), '000201010212385700', 
  '{"bin":"970436","shortName":"VCB","name":"Vietcombank","accountNumber":"1017595600","accountName":"CONG TY TNHH BENCH"}',
  'QD' || printf('%07d', i), NULL, '{}', NULL, NULL, '{}',
  strftime('%Y-%m-%dT%H:%M:%fZ', created, '+15 minutes'), created, CASE WHEN i % 4 = 0 THEN NULL ELSE created END, created, 1
FROM t;
INSERT INTO payments (id, merchant_id, order_id, provider_account_id, provider, provider_transaction_id, bank_reference, amount, content,
  account_number, counter_account, occurred_at, received_at, matched_by, raw)
SELECT 'pay_dseed' || substr(id, 10), merchant_id, id, provider_account_id, 'direct', 'seed-' || id, NULL, amount_paid, payment_code,
  '1017595600', NULL, paid_at, paid_at, 'payment_code', '{"seed":true}'
FROM orders WHERE merchant_id = '${merchantId}' AND id LIKE 'ord_dseed%' AND status = 'paid'`;
}

/** The dashboard's D1 reads (src/db/orders, payments, deliveries), with sample values. */
function dashboardStatements(merchantId, orderId) {
  const m = `'${merchantId}'`;
  const since = new Date(Date.now() - 7 * DAY_MS).toISOString();
  const now = new Date().toISOString();
  return {
    'orders page': `SELECT * FROM orders WHERE merchant_id = ${m} ORDER BY created_at DESC, id DESC LIMIT 21`,
    'orders: status pending (clock)': `SELECT * FROM orders WHERE merchant_id = ${m} AND status = 'pending' AND +expires_at >= '${now}' ORDER BY created_at DESC, id DESC LIMIT 21`,
    'orders: status expired (clock)': `SELECT * FROM orders WHERE merchant_id = ${m} AND (status = 'expired' OR (status IN ('pending', 'partially_paid') AND expires_at < '${now}')) ORDER BY created_at DESC, id DESC LIMIT 21`,
    'orders: search': `SELECT o.* FROM (SELECT id FROM orders WHERE merchant_id = ${m} AND payment_code = 'DSEED-50' UNION SELECT id FROM orders WHERE merchant_id = ${m} AND reference >= 'DSEED-50' AND reference < 'DSEED-50z') f CROSS JOIN orders o ON o.id = f.id ORDER BY o.created_at DESC, o.id DESC LIMIT 21`,
    'overview: open orders': `SELECT COUNT(*) FROM orders WHERE merchant_id = ${m} AND status IN ('pending', 'partially_paid') AND expires_at >= '${now}'`,
    'overview: paid orders': `SELECT COUNT(*) FROM orders WHERE merchant_id = ${m} AND paid_at >= '${since}'`,
    'overview: money by day': `SELECT strftime('%Y-%m-%d', received_at, '+7 hours') AS day, SUM(amount) FROM payments WHERE merchant_id = ${m} AND received_at >= '${since}' GROUP BY day`,
    'overview: unmatched': `SELECT COUNT(*) FROM payments WHERE merchant_id = ${m} AND order_id IS NULL`,
    'order: events': `SELECT * FROM events WHERE merchant_id = ${m} AND order_id = '${orderId}' ORDER BY created_at DESC, id DESC LIMIT 101`,
    'order: deliveries': `SELECT d.id FROM deliveries d JOIN events e ON e.id = d.event_id WHERE e.order_id = '${orderId}' AND e.merchant_id = ${m} ORDER BY d.created_at, d.id LIMIT 200`,
    'order: payments': `SELECT * FROM payments WHERE merchant_id = ${m} AND order_id = '${orderId}' ORDER BY received_at DESC, id DESC LIMIT 101`,
  };
}

/** A local merchant endpoint that accepts everything. */
function receiver() {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/hook`, close: () => server.close() }));
  });
}

export async function run() {
  await stopSharedProject();
  const server = await startProject({ label: 'dashboard' });
  const hook = await receiver();
  try {
    const merchant = await createMerchant(server, { name: 'Bench dashboard' });
    const direct = await merchant.account('direct');
    const d1 = (sql) => JSON.parse(server.wrangler(['d1', 'execute', 'DB', '--local', '--json', '--command', sql]));

    await server.stopServer();
    const started = performance.now();
    d1(seedSql({ merchantId: merchant.id, accountId: direct.id, from: 0, to: ORDERS - VIA_API }));
    await server.startServer();
    console.error(
      `# dashboard: ${ORDERS - VIA_API} orders seeded and the server restarted in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    await merchant.api('POST', '/v1/endpoints', { url: hook.url, eventTypes: null });
    const orders = await merchant.orders(VIA_API, 4);
    for (const order of orders.slice(0, 10)) await merchant.api('POST', `/v1/sandbox/orders/${order.id}/pay`, {});
    const order = orders[0];
    const count = d1(`SELECT count(*) AS n FROM orders WHERE merchant_id = '${merchant.id}'`)[0].results[0].n;
    console.error(`# dashboard: ${count} orders of the merchant`);

    // Sign in the way a merchant does: a one-time link, then the session cookie.
    const link = await server.request('POST', `/v1/admin/merchants/${merchant.id}/dashboard-links`, {
      body: {},
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    const opened = await server.request('GET', new URL(link.json.url).pathname);
    const cookie = (opened.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    if (opened.status !== 200 || !cookie.includes('dash_session=')) throw new Error(`sign-in link: ${opened.status}`);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // deliveries of the paid orders settle

    const payment = (await merchant.api('GET', `/v1/orders/${order.id}/payments`)).json.data[0].id;
    const endpoint = (await merchant.api('GET', '/v1/endpoints')).json.data[0].id;
    const pages = {
      overview: '/dashboard',
      orders: '/dashboard/orders',
      orders_paid: '/dashboard/orders?status=paid',
      orders_search: '/dashboard/orders?q=DSEED-500',
      order: `/dashboard/orders/${order.id}`,
      order_new: '/dashboard/orders/new',
      payments: '/dashboard/payments',
      payment: `/dashboard/payments/${payment}`,
      endpoints: '/dashboard/endpoints',
      endpoint: `/dashboard/endpoints/${endpoint}`,
      accounts: '/dashboard/accounts',
      account: `/dashboard/accounts/${direct.id}`,
    };
    const get = async (path) => {
      const res = await server.request('GET', path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text.slice(0, 200)}`);
      return res;
    };
    for (const path of Object.values(pages)) for (let i = 0; i < 3; i++) await get(path); // warm up

    const times = {};
    for (const name of ['order', 'orders', 'overview', 'orders_paid', 'orders_search']) {
      const samples = [];
      for (let i = 0; i < N; i++) samples.push((await get(pages[name])).ms);
      times[name] = median(samples);
    }
    const noop = [];
    for (let i = 0; i < N; i++) noop.push((await server.request('GET', '/healthz')).ms);
    bench('dashboard_order_page_ms', times.order, 'ms');
    bench('dashboard_orders_list_ms', times.orders, 'ms');
    bench('dashboard_overview_ms', times.overview, 'ms');
    bench('dashboard_orders_filtered_ms', times.orders_paid, 'ms');
    bench('dashboard_orders_search_ms', times.orders_search, 'ms');
    bench('dashboard_healthz_ms', median(noop), 'ms');

    for (const [name, path] of Object.entries(pages))
      bench(`dashboard_html_bytes_${name}`, Buffer.byteLength((await get(path)).text), 'bytes');

    const plans = [];
    for (const [name, sql] of Object.entries(dashboardStatements(merchant.id, order.id))) {
      const rows = d1(`EXPLAIN QUERY PLAN ${sql}`)[0].results;
      const plan = rows.map((row) => row.detail).join('; ');
      const scans = rows.some((row) => /^SCAN /.test(row.detail) && !/USING (COVERING )?INDEX/.test(row.detail));
      plans.push(`${name}: ${plan}${scans ? ' ← SCAN' : ''}`);
    }
    console.log(`NOTE dashboard: query plans at ${count} orders — ${plans.join(' | ')}`);
  } finally {
    hook.close();
    await server.stop();
  }
}

if (isMain(import.meta)) await run();
