// Bench plumbing: starts the project the way a user does (a throw-away copy with its own .dev.vars,
// `npm run dev -- --port N`), a keep-alive HTTP client that targets only that 127.0.0.1 server,
// a bounded closed-loop load generator, and the process-group CPU clock used by cpu.mjs.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
const HEALTH_TIMEOUT_MS = 120_000;
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** What git would hand a new user: tracked and untracked-but-not-ignored files (node_modules is symlinked). */
function copyProject(target) {
  const listing = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  const files = [...new Set(listing.toString('utf8').split('\0'))].filter((f) => f && !f.startsWith('node_modules/') && f !== '.dev.vars');
  for (const file of files) {
    let stat;
    try {
      stat = lstatSync(join(ROOT, file));
    } catch {
      continue; // deleted in the work tree
    }
    mkdirSync(dirname(join(target, file)), { recursive: true });
    if (stat.isSymbolicLink()) symlinkSync(readlinkSync(join(ROOT, file)), join(target, file));
    else cpSync(join(ROOT, file), join(target, file), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(target, 'node_modules'), 'dir');
}

/** Every process of a process group (the dev server: npm, node scripts/dev.mjs, wrangler, workerd…). */
function groupPids(pgid) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid)
        pids.push({ pid: Number(name), comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields });
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const runtimeCache = new Map();
/** wrangler starts two workerd processes; the Worker's own is the one with an inspector address. */
function isWorkerRuntime(pid) {
  if (!runtimeCache.has(pid)) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      // gone
    }
    runtimeCache.set(pid, cmdline.includes('--inspector-addr'));
  }
  return runtimeCache.get(pid);
}

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** Extra .dev.vars of every bench server: the abuse limits stay on (their Durable Object is called), far above bench rates. */
export const BENCH_VARS = { RATE_LIMITS: 'off' };

/**
 * A copy of the project served by `npm run dev` (resolves once GET /healthz answers). With `worker`
 * (a folder under bench/), a copy of that folder served by `wrangler dev` instead, ready at `health`.
 */
export async function startProject({
  label = 'bench',
  args = [],
  vars: extraVars = BENCH_VARS,
  prepare,
  worker,
  health = '/healthz',
  log = (line) => console.error(line),
} = {}) {
  const port = await freePort();
  const tempDir = mkdtempSync(join(tmpdir(), `vietqr-${label}-`));
  const dir = join(tempDir, 'project');
  const logPath = join(tempDir, 'dev.log');
  const base = `http://127.0.0.1:${port}`;
  const adminToken = randomBytes(24).toString('hex');
  mkdirSync(dir, { recursive: true });
  if (worker) cpSync(join(ROOT, 'bench', worker), dir, { recursive: true });
  else copyProject(dir);
  const vars = {
    ADMIN_TOKEN: adminToken,
    SECRETS_KEY: randomBytes(32).toString('base64'),
    ALLOW_PRIVATE_ENDPOINTS: 'true',
    PUBLIC_BASE_URL: base,
    ...extraVars,
  };
  writeFileSync(
    join(dir, '.dev.vars'),
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(''),
  );
  try {
    await prepare?.(dir); // experiments only: edit the copy before it starts
  } catch (error) {
    rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }

  let child = null;
  let exit = null;
  const spawnDev = () => {
    const out = openSync(logPath, 'a');
    const wrangler = join(ROOT, 'node_modules', '.bin', 'wrangler');
    const [command, commandArgs] = worker
      ? [wrangler, ['dev', '--port', String(port), '--ip', '127.0.0.1', '--show-interactive-dev-session=false', ...args]]
      : ['npm', ['run', 'dev', '--', '--port', String(port), ...args]];
    child = spawn(command, commandArgs, {
      cwd: dir,
      detached: true, // own process group: stopped together, and its CPU clock is the group's
      stdio: ['ignore', out, out],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
    });
    closeSync(out);
    child.unref(); // the bench process may end (beforeExit) while the server still runs
    exit = null;
    child.once('exit', (code, signal) => {
      exit = signal ?? `code ${code}`;
    });
  };

  const waitForHealth = async () => {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    for (;;) {
      if (exit) throw new Error(`the dev server exited (${exit}) before ${health} answered:\n${tail()}`);
      try {
        const res = await fetch(`${base}${health}`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`GET ${base}${health} did not answer within ${HEALTH_TIMEOUT_MS / 1000} s:\n${tail()}`);
      await sleep(250);
    }
  };
  const tail = (lines = 40) => (existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n') : '');

  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch (error) {
      return error.code === 'EPERM';
    }
  };
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  async function stopServer() {
    if (!child) return;
    signal('SIGTERM');
    const deadline = Date.now() + 5_000;
    while (alive() && Date.now() < deadline) await sleep(100);
    if (alive()) signal('SIGKILL');
    while (alive()) await sleep(50);
    child = null;
  }
  let removed = false;
  const cleanupSync = () => {
    if (child) signal('SIGKILL');
    if (!removed && !process.env.BENCH_KEEP) rmSync(tempDir, { recursive: true, force: true });
    removed = true;
  };
  process.once('exit', cleanupSync);

  const startedAt = Date.now();
  log(`# ${label}: ${worker ? 'wrangler dev' : 'npm run dev --'} --port ${port} in ${dir}`);
  spawnDev();
  await waitForHealth();
  log(`# ${label}: ${health} answered after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

  const client = makeClient(base);
  return {
    base,
    dir,
    adminToken,
    ...client,
    /** CPU seconds (user + system) of every process in the dev server's group so far. */
    cpuSeconds() {
      let ticks = 0;
      for (const p of groupPids(child.pid)) ticks += Number(p.fields[11]) + Number(p.fields[12]);
      return ticks / TICKS_PER_SECOND;
    },
    /**
     * CPU seconds so far: `total` of the group, and `runtime`, the workerd that runs the Worker itself (with
     * its Durable Objects and the local D1 simulator; the one wrangler gives an inspector), as opposed to
     * wrangler's proxy workerd and the Node tooling.
     */
    cpuSplit() {
      let total = 0;
      let runtime = 0;
      for (const p of groupPids(child.pid)) {
        const seconds = (Number(p.fields[11]) + Number(p.fields[12])) / TICKS_PER_SECOND;
        total += seconds;
        if (p.comm === 'workerd' && isWorkerRuntime(p.pid)) runtime += seconds;
      }
      return { total, runtime };
    },
    /** CPU seconds per process of the group: {"pid comm": seconds}. */
    cpuByProcess() {
      const out = {};
      for (const p of groupPids(child.pid)) out[`${p.pid} ${p.comm}`] = (Number(p.fields[11]) + Number(p.fields[12])) / TICKS_PER_SECOND;
      return out;
    },
    /** Runs `wrangler d1 …` in the copy (e.g. seeding the local database). */
    wrangler(args) {
      const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'wrangler'), args, {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      });
      if (result.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
      return result.stdout;
    },
    /** Stops the dev server but keeps the copy (its local database included). */
    async stopServer() {
      client.agent.destroy();
      await stopServer();
    },
    /** Starts the dev server of the copy again (the port is kept). */
    async startServer() {
      spawnDev();
      await waitForHealth();
    },
    tail,
    async stop() {
      client.agent.destroy();
      await stopServer();
      cleanupSync();
      process.removeListener('exit', cleanupSync);
    },
  };
}

/** A keep-alive client for one 127.0.0.1 origin: request() → {status, text, json, ms}. */
export function makeClient(base) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  function request(method, path, { headers = {}, body, raw } = {}) {
    const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const sent = { ...headers };
    if (payload !== undefined) {
      sent['content-type'] ??= 'application/json';
      sent['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.request({ host: url.hostname, port: url.port, method, path, headers: sent, agent }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, headers: res.headers, text, json, ms });
        });
        res.on('error', reject);
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: timeout`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  return { agent, request };
}

/** Sorted-sample percentile (nearest rank). */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const median = (samples) => percentile(samples, 50);

/**
 * Closed loop: `concurrency` workers each send `next(i)` (a function returning a promise of a response)
 * back to back, until `durationMs` has passed or `count` requests were started. Every answer must satisfy `ok`.
 */
export async function load({
  concurrency,
  durationMs = Number.POSITIVE_INFINITY,
  count = Number.POSITIVE_INFINITY,
  send,
  ok = (r) => r.status === 200,
}) {
  const latencies = [];
  let started = 0;
  let failures = 0;
  let firstFailure = null;
  const t0 = performance.now();
  const deadline = t0 + durationMs;
  const worker = async () => {
    while (started < count && performance.now() < deadline) {
      const i = started++;
      try {
        const res = await send(i);
        latencies.push(res.ms);
        if (!ok(res)) {
          failures++;
          firstFailure ??= `${res.status} ${res.text.slice(0, 300)}`;
        }
      } catch (error) {
        failures++;
        firstFailure ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return {
    requests: latencies.length,
    failures,
    firstFailure,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
  };
}

/** `BENCH name value unit` / `RATIO name value`, one per line on stdout (run.mjs and results.mjs read them). */
export function bench(name, value, unit) {
  console.log(`BENCH ${name} ${format(value)} ${unit}`);
}
export function ratio(name, value) {
  console.log(`RATIO ${name} ${format(value)}`);
}
const format = (value) =>
  Number.isInteger(value) ? String(value) : Number(value).toFixed(Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);

/** Runs `main` when the file is executed directly (`node bench/x.mjs`), not when imported. */
export function isMain(meta) {
  return Boolean(process.argv[1]) && resolve(process.argv[1]) === meta.filename;
}

let shared = null;
/** One server for the sections that can share it (callback, e2e, cpu); stopped by stopSharedProject or when the bench is done. */
export function sharedProject() {
  if (!shared) {
    shared = startProject({ label: 'bench' });
    process.once('beforeExit', stopSharedProject);
  }
  return shared;
}
export async function stopSharedProject() {
  const server = await shared?.catch(() => null);
  shared = null;
  await server?.stop();
}
