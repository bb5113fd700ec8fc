#!/usr/bin/env node
// `npm run dev [-- --port N …]`: .dev.vars with fresh secrets when missing, the docs bundle, local D1 migrations,
// `wrangler dev`, then a demo merchant (once per local database) and a fresh demo order (every run), through the API.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDocsAssets } from './docs-assets.mjs';
import { freshDevVars } from './secrets.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');

function devVars() {
  const path = join(root, '.dev.vars');
  if (!existsSync(path)) {
    writeFileSync(path, freshDevVars(readFileSync(join(root, '.dev.vars.example'), 'utf8')));
    console.log('created .dev.vars from .dev.vars.example, with a new ADMIN_TOKEN and SECRETS_KEY');
  }
  const vars = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) vars[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return vars;
}

function option(name, fallback) {
  const index = args.indexOf(`--${name}`);
  if (index >= 0) return args[index + 1];
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  return inline ? inline.split('=')[1] : fallback;
}

const vars = devVars();
ensureDocsAssets(root);
const migrate = spawnSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CI: 'true' },
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const port = option('port', '8787');
const ip = option('ip', '127.0.0.1');
const extra = args.includes('--ip') || args.some((a) => a.startsWith('--ip=')) ? [] : ['--ip', ip];
const dev = spawn(
  wrangler,
  [
    'dev',
    '--port',
    port,
    ...extra,
    '--show-interactive-dev-session=false',
    ...args.filter((a, i) => !(a === '--port' || args[i - 1] === '--port' || a.startsWith('--port='))),
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

const base = `http://${ip}:${port}`;
const publicBase = vars.PUBLIC_BASE_URL || base;
const seedFile = join(root, '.wrangler', 'demo-merchant.json');

async function api(path, token, body, method = 'POST') {
  return fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function created(path, token, body) {
  const res = await api(path, token, body);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return true;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** The demo merchant of this local database: the remembered one while its key still works, else a new one. */
async function demoMerchant() {
  const known = existsSync(seedFile) ? JSON.parse(readFileSync(seedFile, 'utf8')) : null;
  if (known && (await api('/v1/provider-accounts?limit=1', known.apiKey, undefined, 'GET')).ok) return known;
  const merchant = await created('/v1/admin/merchants', vars.ADMIN_TOKEN, { name: 'Demo shop', mode: 'test' });
  const account = await created('/v1/provider-accounts', merchant.apiKey, {
    provider: 'direct',
    label: 'Demo Vietcombank account',
    bank: 'VCB',
    accountNumber: '1017595600',
    accountName: 'CONG TY DEMO',
  });
  const demo = { merchantId: merchant.id, apiKey: merchant.apiKey, providerAccountId: account.id };
  mkdirSync(join(root, '.wrangler'), { recursive: true });
  writeFileSync(seedFile, `${JSON.stringify(demo, null, 2)}\n`);
  return demo;
}

/** A one-time dashboard sign-in link, where the dashboard exists (201); nothing otherwise. */
async function dashboardLink(merchantId) {
  try {
    const res = await api(`/v1/admin/merchants/${merchantId}/dashboard-links`, vars.ADMIN_TOKEN, {});
    return res.status === 201 ? (await res.json()).url : null;
  } catch {
    return null;
  }
}

async function seed() {
  if (!(await waitForHealth())) return;
  const demo = await demoMerchant();
  // A new order on every run, so the printed checkout link is never stale; it stays open for a day.
  const reference = `DEMO-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(2).toString('hex').toUpperCase()}`;
  const order = await created('/v1/orders', demo.apiKey, { amount: 50000, reference, description: 'Demo order', expiresInSeconds: 86400 });
  const dashboard = await dashboardLink(demo.merchantId);
  const auth = `-H 'authorization: Bearer ${demo.apiKey}'`;
  console.log(`
  VietQR router is running on ${base}

  Demo merchant (test mode): ${demo.merchantId}
  API key:        ${demo.apiKey}
  Checkout page:  ${order.checkoutUrl}   (demo order ${reference}, 50,000 VND)${dashboard ? `\n  Dashboard:      ${dashboard}   (one-time sign-in link, 15 min)` : ''}
  API reference:  ${publicBase}/docs   (OpenAPI document: ${publicBase}/openapi.json)

  Create an order (a new reference on every run of the command):
curl -s ${base}/v1/orders ${auth} -H 'content-type: application/json' -d '{"amount":50000,"reference":"INV-'$(date +%s)'"}'

  Pay the demo order in the sandbox, then read it:
curl -s -X POST ${base}/v1/sandbox/orders/${order.id}/pay ${auth}
curl -s ${base}/v1/orders/${order.id} ${auth}

  (the demo merchant is kept in .wrangler/demo-merchant.json; delete .wrangler/ for a fresh local database)
`);
}

seed().catch((error) => console.error(`demo seed skipped: ${error.message}`));
