// Node-side tests of the production scripts, offline: `npm run setup:cloudflare` (dry run, and a run against a
// fake wrangler), the deploy guard, and the secrets `npm run dev` writes. Run by `npm run test:scripts`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { freshDevVars } from '../../scripts/secrets.mjs';
import { PLACEHOLDER_DATABASE_ID } from '../../scripts/wrangler-config.mjs';

const root = join(import.meta.dirname, '..', '..');
const fake = join(import.meta.dirname, 'fake-wrangler.mjs');
const NEW_ID = '3f0c2b8e-5a1d-4c7e-9b2a-6d4e8f1a2c3b';

let dir;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'setup-cloudflare-'));
  copyFileSync(join(root, 'wrangler.toml'), join(dir, 'wrangler.toml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const toml = () => readFileSync(join(dir, 'wrangler.toml'), 'utf8');
const state = () => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));

/** Runs a script in the copy, with the fake wrangler and its starting state. */
function runScript(script, args = [], start = { databases: [], secrets: [], workerExists: false }) {
  writeFileSync(join(dir, 'state.json'), JSON.stringify({ calls: [], ...start }));
  const result = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER: fake, FAKE_WRANGLER_STATE: join(dir, 'state.json') },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run setup:cloudflare -- --dry-run', () => {
  it('prints every command in order, runs none and writes nothing', () => {
    const before = toml();
    const { code, out } = runScript('setup-cloudflare.mjs', ['--dry-run']);
    assert.equal(code, 0);
    const commands = out
      .split('\n')
      .filter((line) => line.startsWith('$ wrangler '))
      .map((line) => line.split('   #')[0]);
    assert.deepEqual(commands, [
      '$ wrangler d1 list --json',
      '$ wrangler d1 create vietqr-router --location apac',
      '$ wrangler d1 list --json',
      '$ wrangler d1 migrations apply DB --remote',
      '$ wrangler secret list --format json',
      '$ wrangler secret put SECRETS_KEY',
      '$ wrangler secret put ADMIN_TOKEN',
    ]);
    assert.match(out, /write database_id = "<the new database id>" into wrangler\.toml/);
    assert.equal(state().calls.length, 0, 'no wrangler call in a dry run');
    assert.equal(toml(), before);
  });

  it('prints the next steps: deploy, PUBLIC_BASE_URL, the first live merchant, each provider’s webhook URL', () => {
    const { out } = runScript('setup-cloudflare.mjs', ['--dry-run', '--location', 'weur']);
    assert.match(out, /d1 create vietqr-router --location weur/);
    assert.match(out, /npm run deploy/);
    assert.match(out, /PUBLIC_BASE_URL = "https:\/\//);
    assert.match(out, /\/v1\/admin\/merchants .*'authorization: Bearer <your ADMIN_TOKEN>'/);
    assert.match(out, /"mode":"live"/);
    for (const url of ['webhookUrls.webhook', 'webhookUrls.notification', 'webhookUrls.transactions', 'webhookUrls.base']) {
      assert.ok(out.includes(url), url);
    }
  });
});

describe('npm run setup:cloudflare (against a fake wrangler)', () => {
  it('creates the database, writes its id, migrates remotely and sets two good secrets', () => {
    const { code, out, err } = runScript('setup-cloudflare.mjs');
    assert.equal(code, 0, err);
    assert.match(toml(), new RegExp(`database_id = "${NEW_ID}"`));
    assert.ok(!toml().includes(PLACEHOLDER_DATABASE_ID));
    const calls = state().calls;
    assert.deepEqual(
      calls.map((c) => c.argv.join(' ')),
      [
        'd1 list --json',
        'd1 create vietqr-router --location apac',
        'd1 list --json',
        'd1 migrations apply DB --remote',
        'secret list --format json',
        'secret put SECRETS_KEY',
        'secret put ADMIN_TOKEN',
      ],
    );
    const secret = (name) => calls.find((c) => c.argv.join(' ') === `secret put ${name}`).input;
    assert.equal(Buffer.from(secret('SECRETS_KEY'), 'base64').length, 32);
    assert.match(secret('SECRETS_KEY'), /^[A-Za-z0-9+/]{43}=$/);
    assert.ok(secret('ADMIN_TOKEN').length >= 32);
    assert.ok(out.includes(`ADMIN_TOKEN (shown once; keep it in your password manager): ${secret('ADMIN_TOKEN')}`));
  });

  it('run again, it keeps the database and never replaces a secret that is set', () => {
    const first = runScript('setup-cloudflare.mjs');
    assert.equal(first.code, 0, first.err);
    const again = runScript('setup-cloudflare.mjs', [], {
      databases: [{ uuid: NEW_ID, name: 'vietqr-router' }],
      secrets: ['SECRETS_KEY', 'ADMIN_TOKEN'],
      workerExists: true,
    });
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(
      state().calls.map((c) => c.argv.join(' ')),
      ['d1 migrations apply DB --remote', 'secret list --format json'],
    );
    assert.match(again.out, /SECRETS_KEY is already set: kept/);
    assert.ok(!again.out.includes('ADMIN_TOKEN (shown once'));
  });

  it('finds a database that exists by name instead of creating a second one', () => {
    const { code } = runScript('setup-cloudflare.mjs', [], {
      databases: [{ uuid: NEW_ID, name: 'vietqr-router' }],
      secrets: [],
      workerExists: false,
    });
    assert.equal(code, 0);
    assert.ok(!state().calls.some((c) => c.argv[1] === 'create'));
    assert.match(toml(), new RegExp(`database_id = "${NEW_ID}"`));
  });
});

describe('npm run deploy (the guard before wrangler deploy)', () => {
  it('stops a deploy with the placeholder database_id, saying what to run', () => {
    const { code, err } = runScript('check-deploy.mjs');
    assert.equal(code, 1);
    assert.match(err, /placeholder D1 database_id/);
    assert.match(err, /npm run setup:cloudflare/);
  });

  it('stops one without a database id, and lets a real id through', () => {
    writeFileSync(join(dir, 'wrangler.toml'), toml().replace(/database_id = "[^"]*"/, 'database_id = "my-db"'));
    assert.equal(runScript('check-deploy.mjs').code, 1);
    writeFileSync(join(dir, 'wrangler.toml'), toml().replace(/database_id = "[^"]*"/, `database_id = "${NEW_ID}"`));
    // The guard also copies the docs bundle into the copy's static assets; give it the package to copy from.
    const bundle = join(dir, 'node_modules/@scalar/api-reference/dist/browser');
    spawnSync('mkdir', ['-p', bundle]);
    writeFileSync(join(bundle, 'standalone.js'), '/* bundle */');
    const ok = runScript('check-deploy.mjs');
    assert.equal(ok.code, 0, ok.err);
    assert.ok(existsSync(join(dir, 'public/docs/assets/scalar-api-reference.js')));
  });
});

describe('npm run dev: a new .dev.vars', () => {
  it('gets a fresh ADMIN_TOKEN (≥ 32 characters) and SECRETS_KEY (base64 of 32 bytes), every other line kept', () => {
    const example = readFileSync(join(root, '.dev.vars.example'), 'utf8');
    const [a, b] = [freshDevVars(example), freshDevVars(example)];
    const value = (text, name) => new RegExp(`^${name}=(.*)$`, 'm').exec(text)?.[1];
    for (const text of [a, b]) {
      assert.ok(value(text, 'ADMIN_TOKEN').length >= 32);
      assert.equal(Buffer.from(value(text, 'SECRETS_KEY'), 'base64').length, 32);
    }
    assert.notEqual(value(a, 'ADMIN_TOKEN'), value(b, 'ADMIN_TOKEN'));
    assert.notEqual(value(a, 'SECRETS_KEY'), value(b, 'SECRETS_KEY'));
    const others = (text) => text.split('\n').filter((line) => !/^(ADMIN_TOKEN|SECRETS_KEY)=/.test(line));
    assert.deepEqual(others(a), others(example));
  });
});
