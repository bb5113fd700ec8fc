#!/usr/bin/env node
// Runs the conformance cases listed in .ci/conformance-cases ("<file>: <case name>" per line, # comments),
// and fails when a listed case no longer exists. The suite's --only splits on commas, which case names
// contain, so the cases are picked by wrapper modules in a temporary --cases directory instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const suite = resolve(root, '../shared/conformance');
const wanted = readFileSync(join(root, '.ci/conformance-cases'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

const byFile = new Map();
for (const line of wanted) {
  const at = line.indexOf(': ');
  if (at < 0) throw new Error(`not "<file>: <case>": ${line}`);
  const file = line.slice(0, at);
  byFile.set(file, [...(byFile.get(file) ?? []), line.slice(at + 2)]);
}

const dir = mkdtempSync(join(tmpdir(), 'conformance-cases-'));
try {
  for (const [file, names] of byFile) {
    const source = pathToFileURL(join(suite, 'cases', `${file}.mjs`)).href;
    writeFileSync(
      join(dir, `${file}.mjs`),
      `import { cases as all } from ${JSON.stringify(source)};
const wanted = ${JSON.stringify(names)};
const missing = wanted.filter((name) => !all.some((c) => c.name === name));
export const cases = [
  ...all.filter((c) => wanted.includes(c.name)),
  ...missing.map((name) => ({ name: \`listed in .ci/conformance-cases but not in the suite: \${name}\`, run() { throw new Error('no such case'); } })),
];
`,
    );
  }
  const run = spawnSync(process.execPath, [join(suite, 'run.mjs'), '--cases', dir, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
