#!/usr/bin/env node
// `npm run setup:cloudflare [-- --dry-run] [--location apac]`: everything a first production deploy needs,
// through wrangler on the account you are logged in to (`npx wrangler login`, or CLOUDFLARE_API_TOKEN):
//   1. the D1 database (created, or found by name), its id written into wrangler.toml;
//   2. the D1 migrations applied remotely;
//   3. SECRETS_KEY (base64 of 32 random bytes) and ADMIN_TOKEN (43 characters) set as Worker secrets,
//      unless already set: a new SECRETS_KEY would make every stored credential unreadable, so it is never replaced;
//   4. the next steps printed (deploy, PUBLIC_BASE_URL, first live merchant, provider webhook URLs).
// Safe to run again: each step notices what exists. `--dry-run` prints every command and changes nothing.
// WRANGLER=<path> runs another wrangler binary (the tests use a fake one).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newAdminToken, newSecretsKey } from './secrets.mjs';
import { databaseIdProblem, databaseName, withDatabaseId, workerName } from './wrangler-config.mjs';

const root = process.cwd();
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const location = (() => {
  const at = args.indexOf('--location');
  return at >= 0 ? args[at + 1] : 'apac'; // the payers and banks are in Vietnam
})();
const wrangler = process.env.WRANGLER ?? join(root, 'node_modules', '.bin', 'wrangler');
const configPath = join(root, 'wrangler.toml');
let config = readFileSync(configPath, 'utf8');
const dbName = databaseName(config) ?? 'vietqr-router';
const worker = workerName(config) ?? 'vietqr-router';

const say = (text = '') => console.log(text);
const show = (argv, note = '') => say(`$ wrangler ${argv.join(' ')}${note ? `   # ${note}` : ''}`);

/** Runs wrangler (output shown), or only prints the command in a dry run. `input` goes to its stdin. */
function run(argv, { input, note, capture = false } = {}) {
  show(argv, note);
  if (dryRun) return { ok: true, stdout: '' };
  const result = spawnSync(wrangler, argv, {
    cwd: root,
    input,
    encoding: 'utf8',
    stdio: [input === undefined ? 'ignore' : 'pipe', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  });
  if (result.error) throw result.error;
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function fail(message) {
  console.error(`\nsetup:cloudflare stopped: ${message}`);
  process.exit(1);
}

function parseJson(stdout, what) {
  try {
    return JSON.parse(stdout.slice(stdout.search(/[[{]/)));
  } catch {
    fail(`could not read ${what} from wrangler's answer:\n${stdout}`);
  }
}

function findDatabase() {
  const listed = run(['d1', 'list', '--json'], { capture: true, note: `is there a database named ${dbName}?` });
  if (!listed.ok) {
    fail(`wrangler could not list D1 databases. Log in first: npx wrangler login (or set CLOUDFLARE_API_TOKEN).\n${listed.stderr}`);
  }
  if (dryRun) return null;
  return parseJson(listed.stdout, 'the database list').find((db) => db.name === dbName) ?? null;
}

if (dryRun) say('Dry run: every command is printed, nothing is run or written.\n');

// 1. The D1 database and its id in wrangler.toml.
say(`1. D1 database "${dbName}"`);
if (databaseIdProblem(config) === null) {
  say('   wrangler.toml already names its database; nothing to create.');
} else {
  let db = findDatabase();
  if (!db) {
    if (!run(['d1', 'create', dbName, '--location', location]).ok) fail(`wrangler could not create the D1 database ${dbName}.`);
    db = findDatabase();
    if (!dryRun && !db) fail(`the database ${dbName} was created but is not listed.`);
  }
  const id = db?.uuid ?? '<the new database id>';
  say(`   write database_id = "${id}" into wrangler.toml`);
  if (!dryRun) {
    config = withDatabaseId(config, id);
    writeFileSync(configPath, config);
  }
}

// 2. The schema, remotely.
say('\n2. Migrations');
if (!run(['d1', 'migrations', 'apply', 'DB', '--remote']).ok) fail('the remote migrations did not apply.');

// 3. Secrets: set only those the Worker does not have yet.
say('\n3. Secrets');
const listed = run(['secret', 'list', '--format', 'json'], { capture: true, note: 'which secrets are set already?' });
// Before the first deploy the Worker does not exist, so there is nothing to list.
const existing = new Set(listed.ok && !dryRun ? parseJson(listed.stdout || '[]', 'the secret list').map((s) => s.name) : []);
let adminToken = null;
for (const [name, make, what] of [
  ['SECRETS_KEY', newSecretsKey, 'base64 of 32 random bytes'],
  ['ADMIN_TOKEN', newAdminToken, '43 random characters'],
]) {
  if (existing.has(name)) {
    say(`   ${name} is already set: kept${name === 'SECRETS_KEY' ? ' (a new one would make every stored credential unreadable)' : ''}.`);
    continue;
  }
  const secret = dryRun ? undefined : make();
  if (!run(['secret', 'put', name], { input: secret ?? '', note: `value on stdin: ${what}` }).ok) fail(`could not set ${name}.`);
  if (name === 'ADMIN_TOKEN') adminToken = secret ?? '<generated>';
}

// 4. What is left to a person.
const token = adminToken && !dryRun ? adminToken : '<your ADMIN_TOKEN>';
say(`
Done.${adminToken && !dryRun ? `\n\nADMIN_TOKEN (shown once; keep it in your password manager): ${adminToken}` : ''}

Next steps
1. Deploy:  npm run deploy
   It prints the Worker's URL, https://${worker}.<your-subdomain>.workers.dev. Check it: curl <url>/healthz → {"ok":true}
2. PUBLIC_BASE_URL: the origin of every URL the service hands out (checkout pages, QR images, provider
   webhook URLs). Use the final one (a custom domain like https://pay.example.com, set up in the dashboard
   under Workers → ${worker} → Settings → Domains & Routes, or the workers.dev URL), in wrangler.toml:
       [vars]
       PUBLIC_BASE_URL = "https://pay.example.com"
   and deploy again. Provider webhook URLs are built from it: choose it before registering them.
3. The first live merchant (its API key is shown once):
       curl -s https://pay.example.com/v1/admin/merchants -H 'authorization: Bearer ${token}' \\
         -H 'content-type: application/json' -d '{"name":"My shop","mode":"live"}'
4. Connect a provider with that key: POST /v1/provider-accounts answers "webhookUrls"; register each URL:
   - Casso: my.casso.vn → Tích hợp → Webhook V2: URL = webhookUrls.webhook, "Key bảo mật" = the checksumKey you gave us
   - SePay: the webhook settings at my.sepay.vn: URL = webhookUrls.webhook, authentication API Key (apiKey) or HMAC (webhookSecret)
   - payOS: the payment channel's webhook URL at my.payos.vn = webhookUrls.webhook (payOS tests it at once; it answers 200)
   - Tingee: the webhook URL in the Tingee dashboard = webhookUrls.notification
   - BankHub: the webhook URL in the BankHub Console = webhookUrls.transactions
   - VietQR.vn: give VietQR webhookUrls.base as your host at onboarding, with callbackUsername / callbackPassword
5. Your shop's endpoint for our events: POST /v1/endpoints; verify them as README "Verifying our webhooks" shows.`);
