// Bundle size: what `wrangler deploy` would upload (`--dry-run --outdir`), gzipped, and what dominates it
// (esbuild metafile from the same build, bytes in the output grouped by package).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bench, isMain, ROOT, stopSharedProject } from './server.mjs';

/** Builds as `wrangler deploy` does (wrangler.toml decides minify and aliases); returns {raw, gzip} bytes of the Worker script, wrangler's own gzip figure, and the metafile. */
function build() {
  const outdir = mkdtempSync(join(tmpdir(), 'vietqr-bundle-'));
  try {
    const result = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'wrangler'),
      ['deploy', '--dry-run', '--outdir', outdir, '--metafile', join(outdir, 'meta.json')],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' } },
    );
    if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}\n${result.stderr}`);
    const script = readFileSync(join(outdir, 'index.js'));
    const reported = /Total Upload:\s*([\d.]+) KiB \/ gzip:\s*([\d.]+) KiB/.exec(result.stdout);
    return {
      raw: script.length,
      gzip: gzipSync(script, { level: 9 }).length,
      wranglerGzipKiB: reported ? Number(reported[2]) : null,
      meta: JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Bytes in the output per package (node_modules/<pkg> or @scope/pkg), own code as "src/…" folders. */
function byPackage(meta) {
  const sizes = new Map();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs ?? {})) {
      const parts = input.split('node_modules/');
      let name;
      if (parts.length > 1) {
        const rest = parts.at(-1).split('/');
        name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
      } else {
        const src = /(?:^|\/)src\/([^/]+)\//.exec(input);
        name = src ? `(own) src/${src[1]}/` : `(other) ${input.split('/').slice(-2).join('/')}`;
      }
      sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

export async function run() {
  await stopSharedProject(); // the sections before are done with it
  const plain = build();
  bench('bundle_gzip_kib', plain.gzip / 1024, 'KiB');
  const packages = byPackage(plain.meta);
  const total = packages.reduce((sum, [, bytes]) => sum + bytes, 0);
  const deps = packages.filter(([name]) => !name.startsWith('('));
  const own = packages.filter(([name]) => name.startsWith('(own)')).reduce((sum, [, bytes]) => sum + bytes, 0);
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(
    `NOTE bundle: ${kib(plain.raw)} raw (wrangler reports gzip ${plain.wranglerGzipKiB} KiB; ours is gzip -9 of the script alone). Top packages by bytes in the output: ${deps
      .slice(0, 5)
      .map(([name, bytes]) => `${name} ${kib(bytes)} (${((bytes / total) * 100).toFixed(0)} %)`)
      .join(', ')}; the project's own src/ ${kib(own)} (${((own / total) * 100).toFixed(0)} %)`,
  );
}

if (isMain(import.meta)) await run();
