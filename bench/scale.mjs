// Scaling: order creation and callback latency (median of 50 sequential requests each) with 10, 10,000
// and 100,000 existing orders of the same merchant in D1, seeded in bulk with a recursive CTE through
// `wrangler d1 execute --local` against the copy's local database (the server is stopped meanwhile).
// Also prints SQLite's query plan of every D1 statement on those two paths.
import { createMerchant, sendCallback, sign } from './merchant.mjs';
import { bench, isMain, median, ratio, startProject, stopSharedProject } from './server.mjs';

const LEVELS = [10, 10_000, 100_000];
const N = 50;
const DAY_MS = 86_400_000;

/** Orders `from`..`to`-1 of the merchant, paid or expired, spread over the last 60 days. */
function seedSql({ merchantId, accountId, from, to }) {
  const now = Date.now();
  return `INSERT INTO orders (id, merchant_id, provider_account_id, provider, status, amount, amount_paid, currency, reference, description,
  payment_code, qr_payload, bank, transfer_content, return_url, metadata, provider_reference, virtual_account, provider_data,
  expires_at, created_at, paid_at, updated_at, version)
WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to - 1}),
t(i, created) AS (SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', (${now} - ${60 * DAY_MS} + i * ${Math.floor((60 * DAY_MS) / 100_000)}) / 1000.0, 'unixepoch') FROM n)
SELECT 'ord_seed' || printf('%020d', i), '${merchantId}', '${accountId}', 'direct',
  CASE WHEN i % 4 = 0 THEN 'expired' ELSE 'paid' END, 50000 + i % 1000, CASE WHEN i % 4 = 0 THEN 0 ELSE 50000 + i % 1000 END, 'VND',
  'SEED-' || i, NULL, 'QS' || printf('%07d', i), '00020101021238570010A000000727012700069704360113SEEDACCOUNT0208QRIBFTTA53037045405500005802VN62110807QS00000006304ABCD',
  '{"bin":"970436","shortName":"VCB","name":"Vietcombank","accountNumber":"1017595600","accountName":"CONG TY TNHH BENCH"}',
  'QS' || printf('%07d', i), NULL, '{}', NULL, NULL, '{}',
  strftime('%Y-%m-%dT%H:%M:%fZ', created, '+15 minutes'), created, CASE WHEN i % 4 = 0 THEN NULL ELSE created END, created, 1
FROM t`;
}

/** The D1 statements of order creation and of a matched callback (db/, orders/, settlement/), with sample values. */
function hotStatements(merchantId, accountId) {
  const m = `'${merchantId}'`;
  const a = `'${accountId}'`;
  return {
    'merchant auth': `SELECT m.id FROM api_keys k JOIN merchants m ON m.id = k.merchant_id WHERE k.key_hash = 'x' AND k.revoked_at IS NULL`,
    'order by reference': `SELECT id FROM orders WHERE merchant_id = ${m} AND reference = 'SEED-5'`,
    'payment code taken': `SELECT 1 AS taken FROM orders WHERE merchant_id = ${m} AND payment_code = 'QS0000005'`,
    'QR-creating accounts': `SELECT id FROM provider_accounts WHERE merchant_id = ${m} AND creates_qr = 1 AND deleted_at IS NULL ORDER BY created_at LIMIT 2`,
    'account by id': `SELECT pa.*, m.mode FROM provider_accounts pa JOIN merchants m ON m.id = pa.merchant_id WHERE pa.id = ${a}`,
    'match: provider reference': `SELECT id FROM orders WHERE provider_account_id = ${a} AND provider_reference = 'x' LIMIT 1`,
    'match: virtual account': `SELECT id FROM orders WHERE provider_account_id = ${a} AND virtual_account = 'x' LIMIT 1`,
    'match: payment codes': `SELECT id, payment_code FROM orders WHERE merchant_id = ${m} AND payment_code IN ('QS0000005', 'QS0000006')`,
    'order by id': `SELECT * FROM orders WHERE id = 'ord_seed00000000000000000005'`,
    'fan-out endpoints': `SELECT id, event_types, enabled FROM endpoints WHERE merchant_id = ${m} AND deleted_at IS NULL`,
    'projection: order update': `UPDATE orders SET status = 'paid' WHERE id = 'ord_seed00000000000000000005' AND version < 0`,
  };
}

export async function run() {
  await stopSharedProject(); // the sections before are done with it
  const server = await startProject({ label: 'scale' });
  try {
    const merchant = await createMerchant(server, { name: 'Bench scale' });
    const direct = await merchant.account('direct');
    const casso = await merchant.account('casso');
    const d1 = (sql) => JSON.parse(server.wrangler(['d1', 'execute', 'DB', '--local', '--json', '--command', sql]));

    // The first level's orders come through the API (no restart needed); the others are seeded in bulk.
    await merchant.orders(LEVELS[0], 4);
    let seeded = LEVELS[0];
    const figures = {};
    for (const level of LEVELS) {
      if (level > seeded) {
        const started = performance.now();
        await server.stopServer(); // the local database belongs to one process at a time
        const seed = seedSql({ merchantId: merchant.id, accountId: direct.id, from: seeded, to: level });
        const count = d1(`${seed}; SELECT count(*) AS n FROM orders`).at(-1).results[0].n;
        seeded = level;
        await server.startServer();
        console.error(`# scale: ${count} orders in D1 (seeded and restarted in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }

      for (let i = 0; i < 5; i++) {
        const warm = await merchant.order();
        await sendCallback(server, sign.casso(casso, { amount: warm.amount, content: warm.paymentCode }));
      }
      const created = [];
      const createMs = [];
      for (let i = 0; i < N; i++) {
        const res = await merchant.createOrderRequest();
        if (res.status !== 201) throw new Error(`POST /v1/orders: ${res.status} ${res.text.slice(0, 300)}`);
        created.push(res.json);
        createMs.push(res.ms);
      }
      const callbackMs = [];
      for (const order of created) {
        const res = await sendCallback(server, sign.casso(casso, { amount: order.amount, content: `CK ${order.paymentCode}` }));
        if (res.status !== 200) throw new Error(`callback: ${res.status} ${res.text.slice(0, 300)}`);
        callbackMs.push(res.ms);
      }
      figures[level] = { create: median(createMs), callback: median(callbackMs) };
      bench(`scale_create_ms_${level}`, figures[level].create, 'ms');
      bench(`scale_callback_ms_${level}`, figures[level].callback, 'ms');
    }
    const [low, , high] = LEVELS;
    ratio(`scale_create_${high}_vs_${low}`, figures[high].create / figures[low].create);
    ratio(`scale_callback_${high}_vs_${low}`, figures[high].callback / figures[low].callback);

    const plans = [];
    for (const [name, sql] of Object.entries(hotStatements(merchant.id, direct.id))) {
      const rows = d1(`EXPLAIN QUERY PLAN ${sql}`)[0].results;
      const plan = rows.map((row) => row.detail).join('; ');
      const scans = rows.some((row) => /^SCAN /.test(row.detail) && !/USING (COVERING )?INDEX/.test(row.detail));
      plans.push(`${name}: ${plan}${scans ? ' ← SCAN' : ''}`);
    }
    console.log(`NOTE scale: query plans at ${seeded} orders — ${plans.join(' | ')}`);
  } finally {
    await server.stop();
  }
}

if (isMain(import.meta)) await run();
