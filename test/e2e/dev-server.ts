import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface DevServer {
  base: string;
  adminToken: string;
  log: () => string;
  stop: () => Promise<void>;
}

const root = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** What a new user has after cloning: tracked and not-ignored files, without .dev.vars or local state. */
function copyProject(target: string): void {
  const listing = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root }).toString('utf8');
  for (const file of new Set(listing.split('\0'))) {
    if (!file || file === '.dev.vars' || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file));
  }
  symlinkSync(join(root, 'node_modules'), join(target, 'node_modules'), 'dir');
}

async function waitForHealth(base: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(`npm run dev exited (${why}) before /healthz answered`);
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base}/healthz did not answer in time`);
}

/**
 * `npm run dev -- --port N` (plus `options.args` for wrangler dev, e.g. `--test-scheduled`) in a throw-away copy of the project, so its local D1 and .dev.vars (created by the
 * dev script from .dev.vars.example) never touch the work tree's.
 */
export async function startDevServer(options: { args?: string[] } = {}): Promise<DevServer> {
  const dir = mkdtempSync(join(tmpdir(), 'checkout-e2e-'));
  copyProject(dir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logPath = join(dir, 'dev.log');
  const child = spawn('npm', ['run', 'dev', '--', '--port', String(port), ...(options.args ?? [])], {
    cwd: dir,
    detached: true, // own process group: stop() ends wrangler and workerd with it
    stdio: ['ignore', openSync(logPath, 'a'), openSync(logPath, 'a')],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
  });
  let exit: string | null = null;
  child.once('exit', (code, signal) => {
    exit = signal ?? `code ${code}`;
  });
  const log = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '');
  const stop = async () => {
    if (child.pid && exit === null) {
      process.kill(-child.pid, 'SIGTERM');
      for (let i = 0; i < 50 && exit === null; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      if (exit === null) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, () => exit);
  } catch (error) {
    const tail = log().split('\n').slice(-40).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${tail}`);
  }
  const adminToken = /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync(join(dir, '.dev.vars'), 'utf8'))?.[1]?.trim() ?? '';
  return { base, adminToken, log, stop };
}
