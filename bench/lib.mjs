// Shared tools of the bench sections: bundling TypeScript sources for Node, robust timing, output lines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const outDir = mkdtempSync(join(tmpdir(), 'bench-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));

/** src/ is TypeScript with extensionless imports: bundle an entry point for Node and import it. */
export async function importSource(entry) {
  const outfile = join(outDir, `${entry.replace(/[^\w]+/g, '_')}.mjs`);
  await build({
    entryPoints: [new URL(entry, root).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}

export const bench = (name, value, unit) => console.log(`BENCH ${name} ${format(value)} ${unit}`);
export const ratio = (name, value) => console.log(`RATIO ${name} ${value.toFixed(2)}`);
const format = (value) => (Number.isInteger(value) ? String(value) : value >= 100 ? value.toFixed(0) : value.toFixed(2));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Operations per second of fn over roughly `ms` milliseconds. */
function opsPerSecond(fn, ms) {
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 16; i++) fn();
    runs += 16;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (runs / elapsed) * 1000;
}

/**
 * Ops/s of each subject, measured in interleaved rounds so that a busy machine slows all of them
 * alike; medians over rounds, and the median of the per-round ratios (first subject ÷ each other).
 */
export function compare(subjects, { rounds = 7, ms = 80 } = {}) {
  const entries = Object.entries(subjects);
  for (const [, fn] of entries) for (let i = 0; i < 200; i++) fn(); // warm up the JIT
  const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of entries) samples[name].push(opsPerSecond(fn, ms));
  }
  const [first] = entries[0];
  const opsPerSec = Object.fromEntries(entries.map(([name]) => [name, median(samples[name])]));
  const ratios = Object.fromEntries(entries.map(([name]) => [name, median(samples[first].map((ops, i) => ops / samples[name][i]))]));
  return { opsPerSec, ratios };
}
