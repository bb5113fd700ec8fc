#!/usr/bin/env node
// CI guard of the house rules (DESIGN.md "Modules"), over src/:
//  1. folders import downward only: no cycle in the graph of imports between top-level folders of src/
//     (type-only imports count: they couple folders too);
//  2. a provider's name appears only in its own folder and in providers/registry.ts.
// Prints every violation and exits 1 if there is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** src/<folder>/…: the folder; a file directly in src/ (index.ts, app.ts, env.ts) is its own "folder". */
const folderOf = (file) => {
  const parts = relative(src, file).split(sep);
  return parts.length === 1 ? parts[0].replace(/\.tsx?$/, '') : parts[0];
};

function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return null;
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g;
const all = files(src);
const edges = new Map(); // folder → Map(folder → example "file → file")
for (const file of all) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const target = resolveImport(file, match[1]);
    if (!target?.startsWith(src)) continue;
    const a = folderOf(file);
    const b = folderOf(target);
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    if (!edges.get(a).has(b)) edges.get(a).set(b, `${relative(root, file)} → ${relative(root, target)}`);
  }
}

// Tarjan's strongly connected components: any component of more than one folder is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const components = [];
let counter = 0;
function visit(v) {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    components.push(component);
  }
}
const folders = new Set([...all.map(folderOf)]);
for (const folder of folders) if (!index.has(folder)) visit(folder);

const problems = [];
for (const component of components.filter((c) => c.length > 1)) {
  const inside = new Set(component);
  const links = component.flatMap((a) =>
    [...(edges.get(a) ?? [])].filter(([b]) => inside.has(b)).map(([b, example]) => `    ${a} → ${b}: ${example}`),
  );
  problems.push(`folder cycle between ${component.sort().join(', ')}:\n${links.join('\n')}`);
}

// Provider names: only in src/providers/<name>/ and src/providers/registry.ts.
const providerDirs = readdirSync(join(src, 'providers')).filter((name) => statSync(join(src, 'providers', name)).isDirectory());
const registry = join(src, 'providers', 'registry.ts');
const providerNames = providerDirs.filter((name) => {
  try {
    return statSync(join(src, 'providers', name, 'index.ts')).isFile();
  } catch {
    return false;
  }
});
for (const file of all) {
  if (file === registry) continue;
  const text = readFileSync(file, 'utf8');
  for (const name of providerNames) {
    if (file.startsWith(join(src, 'providers', name) + sep)) continue;
    const pattern = new RegExp(`['"\`]${name}['"\`]|/${name}/|\\b${name}\\.`, 'i');
    const line = text.split('\n').findIndex((l) => pattern.test(l));
    if (line >= 0)
      problems.push(`provider "${name}" named outside its folder: ${relative(root, file)}:${line + 1}: ${text.split('\n')[line].trim()}`);
  }
}

const order = [...folders].sort();
console.log(
  `structure: ${all.length} files in ${order.length} folders; ${[...edges.values()].reduce((n, m) => n + m.size, 0)} folder dependencies`,
);
for (const problem of problems) console.log(`FAIL ${problem}`);
if (problems.length > 0) process.exit(1);
console.log('structure: no folder cycle; provider names only in their folders and the registry');
