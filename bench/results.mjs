// Writes bench/RESULTS.md from what the sections printed. Importing this module starts recording stdout
// (run.mjs imports it first); its run() — the last section — writes the file.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ROOT } from './server.mjs';

const lines = [];
let partial = '';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const text = partial + (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  const parts = text.split('\n');
  partial = parts.pop();
  lines.push(...parts);
  return write(chunk, ...rest);
};
const loadAtStart = os.loadavg();
const startedAt = new Date();

/** Targets from the performance issue; figures without one are shown for reference. */
const TARGETS = {
  callback_vs_noop: { text: '≥ 0.5', ok: (v) => v >= 0.5 },
  callback_p99_vs_noop_p99: { text: '≤ 2', ok: (v) => v <= 2 },
  callback_sync_d1_statements: { text: '= 0', ok: (v) => v === 0 },
  callback_sync_do_calls: { text: '≤ 2', ok: (v) => v <= 2 },
  create_sync_d1_statements: { text: '≤ 2', ok: (v) => v <= 2 },
  create_sync_do_calls: { text: '≤ 1', ok: (v) => v <= 1 },
  storm_payments: { text: '= 1', ok: (v) => v === 1 },
  storm_events: { text: '= 2', ok: (v) => v === 2 },
  e2e_delivery_p50_ms: { text: '≤ 250 ms', ok: (v) => v <= 250 },
  bundle_gzip_kib: { text: '≤ 150 KiB', ok: (v) => v <= 150 },
  scale_create_100000_vs_10: { text: '≤ 1.5 (flat)', ok: (v) => v <= 1.5 },
  scale_callback_100000_vs_10: { text: '≤ 1.5 (flat)', ok: (v) => v <= 1.5 },
};
/** Targets of the QR issue, for every payload class (`svg_speed_vs_qrcode_order`, `…_mixed_case`, …). */
const QR_TARGETS = [
  [/^svg_speed_vs_qrcode/, { text: '≥ 2', ok: (v) => v >= 2 }],
  [/^svg_bytes_vs_qrcode/, { text: '≤ 1', ok: (v) => v <= 1 }],
  [/^png_speed_vs_qrcode/, { text: '≥ 1', ok: (v) => v >= 1 }],
  [/^png_bytes_vs_qrcode/, { text: '≤ 1', ok: (v) => v <= 1 }],
];
const targetOf = (name) =>
  TARGETS[name] ??
  QR_TARGETS.find(([pattern]) => pattern.test(name))?.[1] ??
  (name.startsWith('cpu_ms_') ? { text: '≤ 5 ms', ok: (v) => v <= 5 } : null);

const SECTIONS = [
  ['qr', /^(qr_|encode_|decode_|svg_|png_|matrix_)/],
  ['ledger', /^(callback_sync_|create_sync_)/],
  ['callback', /^(callback_|noop_|storm_)/],
  ['reconcile', /^reconcile_/],
  ['dashboard', /^dashboard_/],
  ['e2e', /^e2e_/],
  ['cpu', /^(cpu_|local_cpu_)/],
  ['bundle', /^bundle_/],
  ['scale', /^scale_/],
];
const sectionOf = (name) => SECTIONS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';

function machine() {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return [
    ['date', startedAt.toISOString()],
    ['cpu model', cpus[0]?.model ?? 'unknown'],
    ['cores', String(cpus.length)],
    ['memory', `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['os', `${os.type()} ${os.release()}`],
    ['node', process.version],
    ['wrangler', pkg.devDependencies?.wrangler ?? '?'],
    ['commit', commit],
    ['load average (1 min) at start / end', `${loadAtStart[0].toFixed(2)} / ${os.loadavg()[0].toFixed(2)}`],
  ];
}

export function renderResults(output = lines) {
  const figures = [];
  const notes = [];
  for (const line of output) {
    let m = /^BENCH (\S+) (\S+) (.+)$/.exec(line);
    if (m) {
      figures.push({ kind: 'BENCH', name: m[1], value: Number(m[2]), shown: m[2], unit: m[3] });
      continue;
    }
    m = /^RATIO (\S+) (\S+)$/.exec(line);
    if (m) {
      figures.push({ kind: 'RATIO', name: m[1], value: Number(m[2]), shown: m[2], unit: 'ratio' });
      continue;
    }
    m = /^NOTE (.+)$/.exec(line);
    if (m) notes.push(m[1]);
  }
  const out = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`bench/run.mjs`, then `bench/results.mjs`). Every figure below comes from that one run.',
    '',
  ];
  out.push('| machine | |', '|---|---|', ...machine().map(([k, v]) => `| ${k} | ${v} |`), '');
  for (const [section] of [...SECTIONS, ['other']]) {
    const rows = figures.filter((f) => sectionOf(f.name) === section);
    if (rows.length === 0) continue;
    out.push(`## ${section}`, '', '| figure | value | unit | target | met |', '|---|---:|---|---|---|');
    for (const f of rows) {
      const target = targetOf(f.name);
      out.push(
        `| \`${f.kind} ${f.name}\` | ${f.shown} | ${f.unit} | ${target?.text ?? ''} | ${target ? (target.ok(f.value) ? 'yes' : '**no**') : ''} |`,
      );
    }
    const sectionNotes = notes.filter((n) => n.startsWith(`${section}:`));
    if (sectionNotes.length) out.push('', ...sectionNotes.map((n) => `- ${n.slice(section.length + 1).trim()}`));
    out.push('');
  }
  out.push(readFileSync(join(import.meta.dirname, 'METHOD.md'), 'utf8').trim(), '');
  return out.join('\n');
}

export async function run() {
  if (partial) lines.push(partial);
  partial = '';
  const path = join(import.meta.dirname, 'RESULTS.md');
  writeFileSync(path, renderResults());
  // Biome formats Markdown under bench/ too (npm run lint): write it the way the linter wants it.
  const biome = join(ROOT, 'node_modules', '.bin', 'biome');
  const formatted = spawnSync(biome, ['format', '--write', path], { cwd: ROOT, encoding: 'utf8' });
  if (formatted.status !== 0) console.log(`# biome format failed: ${formatted.stderr || formatted.stdout}`);
  console.log(`# wrote ${path}`);
}
