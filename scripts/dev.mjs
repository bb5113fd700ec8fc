#!/usr/bin/env node
// `npm run dev [-- --port N …]`: .dev.vars from the example when missing, local D1 migrations,
// `wrangler dev`, then (once per local database) a demo merchant seeded through the admin API.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');

function devVars() {
  const path = join(root, '.dev.vars');
  if (!existsSync(path)) {
    copyFileSync(join(root, '.dev.vars.example'), path);
    console.log('created .dev.vars from .dev.vars.example');
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

async function api(path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
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

async function seed() {
  if (!(await waitForHealth())) return;
  let demo = existsSync(seedFile) ? JSON.parse(readFileSync(seedFile, 'utf8')) : null;
  if (!demo) {
    const merchant = await api('/v1/admin/merchants', vars.ADMIN_TOKEN, { name: 'Demo shop', mode: 'test' });
    const account = await api('/v1/provider-accounts', merchant.apiKey, {
      provider: 'direct',
      label: 'Demo Vietcombank account',
      bank: 'VCB',
      accountNumber: '1017595600',
      accountName: 'CONG TY DEMO',
    });
    const order = await api('/v1/orders', merchant.apiKey, { amount: 50000, reference: 'DEMO-1', description: 'Demo order' });
    demo = { merchantId: merchant.id, apiKey: merchant.apiKey, providerAccountId: account.id, checkoutUrl: order.checkoutUrl };
    mkdirSync(join(root, '.wrangler'), { recursive: true });
    writeFileSync(seedFile, `${JSON.stringify(demo, null, 2)}\n`);
  }
  console.log(`
  ┌ VietQR router is running on ${base}
  │ Demo merchant (test mode): ${demo.merchantId}
  │ API key:       ${demo.apiKey}
  │ Checkout page: ${demo.checkoutUrl}
  │ API docs:      ${publicBase}/docs
  │
  │ Create an order:
  │   curl -s ${base}/v1/orders -H 'authorization: Bearer ${demo.apiKey}' \\
  │     -H 'content-type: application/json' -d '{"amount":50000,"reference":"INV-1001"}'
  └ (the seed is kept in .wrangler/demo-merchant.json; delete .wrangler/ for a fresh database)
`);
}

seed().catch((error) => console.error(`demo seed skipped: ${error.message}`));
