#!/usr/bin/env node
// CI guard of the house rules (DESIGN.md "Modules"), over src/:
//  1. folders import downward only: every import between top-level folders of src/ goes down LAYERS (or
//     across one layer), and no cycle between folders (type-only imports count: they couple folders too);
//  2. README.md's "Layout" lists every folder of src/ (providers/<name>/ for the providers' own), and no other;
//  3. a provider's name appears only in its own folder and in providers/registry.ts: as code, that is a
//     quoted string ('casso'), an object key (casso:), a path segment (/casso/) or a member access (casso.),
//     matched case-sensitively outside comments (prose such as "VietQR" the payment format is not the provider).
// Prints every violation and exits 1 if there is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Top to bottom; a folder may import its own layer's folders (no cycle) and any layer below. */
export const LAYERS = [
  ['index', 'app'],
  ['api', 'dashboard', 'pages'],
  ['reconcile'],
  ['orders', 'accounts', 'payments', 'endpoints', 'events'],
  ['providers'],
  ['ledger'],
  ['delivery'],
  ['db'],
  ['schemas', 'crypto', 'lib', 'qr'],
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/**
 * The text with its comments blanked (newlines kept, so line numbers hold): a small lexer that knows strings,
 * template literals (with `${…}` inside), regular-expression literals and JSX text.
 */
export function withoutComments(text) {
  let out = '';
  let i = 0;
  let last = ''; // the last significant character outside strings and comments: tells a regex from a division
  const templates = []; // brace depth at each open `${`
  let depth = 0;
  const blank = (from, to) => text.slice(from, to).replace(/[^\n]/g, ' ');
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += blank(i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      last = c;
    } else if (c === '`' || (c === '}' && templates.length && templates.at(-1) === depth)) {
      if (c === '}') templates.pop();
      let j = i + 1;
      while (j < text.length && text[j] !== '`' && !(text[j] === '$' && text[j + 1] === '{')) j += text[j] === '\\' ? 2 : 1;
      if (text[j] === '$') {
        templates.push(depth);
        j += 1;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      last = '`';
    } else if (c === '/' && !/[\w$)\]'"`]/.test(last)) {
      // A regular-expression literal: up to the unescaped `/` outside a character class.
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n' && (inClass || text[j] !== '/')) {
        if (text[j] === '\\') j += 1;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j += 1;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      last = ')';
    } else {
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      if (!/\s/.test(c)) last = c;
      out += c;
      i += 1;
    }
  }
  return out;
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g;

/** The import specifiers of a file's text, commented-out ones left out. */
export const importsOf = (text) => [...withoutComments(text).matchAll(IMPORT)].map((match) => match[1]);

/** A line of code (comments blanked) that names the provider `name` as code, case-sensitively. */
export function namesProvider(line, name) {
  // 'casso' "casso" `casso`; casso: (a key); /casso/ (a path); casso. (a member access).
  const pattern = new RegExp(`['"\`]${name}['"\`]|(?<![\\w$.-])${name}\\s*:|/${name}/|(?<![\\w$.-])${name}\\.[A-Za-z_$]`);
  return pattern.test(line);
}

/** Strongly connected components of more than one node (Tarjan): the cycles of a graph. */
export function cycles(nodes, edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let counter = 0;
  const visit = (v) => {
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
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return found;
}

/** The folders README.md's "Layout" block lists under src/ (the first word of a line, ending in `/`). */
export function layoutFolders(readme) {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Layout\n')) ?? '';
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => /^ {2}(\S+\/)(?:\s|$)/.exec(line)?.[1])
    .filter((folder) => folder !== undefined);
}

function layoutProblems(src, providerNames) {
  let readme;
  try {
    readme = readFileSync(join(dirname(src), 'README.md'), 'utf8');
  } catch {
    return [];
  }
  const folders = (dir, prefix) =>
    readdirSync(dir)
      .filter((name) => statSync(join(dir, name)).isDirectory())
      .flatMap((name) => [`${prefix}${name}/`, ...folders(join(dir, name), `${prefix}${name}/`)]);
  const providers = new Set(providerNames.map((name) => `providers/${name}/`));
  const tree = new Set(
    folders(src, '')
      .map((folder) => (providers.has(folder) ? 'providers/<name>/' : folder))
      .filter((folder) => ![...providers].some((p) => folder.startsWith(p) && folder !== p)),
  );
  const listed = new Set(layoutFolders(readme));
  return [
    ...[...tree].filter((folder) => !listed.has(folder)).map((folder) => `README.md "Layout" does not list src/${folder}`),
    ...[...listed]
      .filter((folder) => !tree.has(folder))
      .map((folder) => `README.md "Layout" lists src/${folder}, which is not in the tree`),
  ];
}

/** Every violation of the house rules in the src/ folder at `src`. */
export function checkStructure(src) {
  const root = dirname(src);
  const all = files(src);
  /** src/<folder>/…: the folder; a file directly in src/ (index.ts, app.ts) is its own "folder". */
  const folderOf = (file) => {
    const parts = relative(src, file).split(sep);
    return parts.length === 1 ? parts[0].replace(/\.tsx?$/, '') : parts[0];
  };
  const resolveImport = (from, specifier) => {
    if (!specifier.startsWith('.')) return null;
    const base = resolve(dirname(from), specifier);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {}
    }
    return null;
  };

  const edges = new Map(); // folder → Map(folder → example "file → file")
  for (const file of all) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, specifier);
      if (!target?.startsWith(src + sep)) continue;
      const a = folderOf(file);
      const b = folderOf(target);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a).has(b)) edges.get(a).set(b, `${relative(root, file)} → ${relative(root, target)}`);
    }
  }
  const folders = [...new Set(all.map(folderOf))].sort();
  const problems = [];

  const layerOf = new Map(LAYERS.flatMap((layer, i) => layer.map((folder) => [folder, i])));
  for (const folder of folders) if (!layerOf.has(folder)) problems.push(`folder ${folder} is in no layer: add it to LAYERS`);
  for (const [a, targets] of edges)
    for (const [b, example] of targets) if (layerOf.get(a) > layerOf.get(b)) problems.push(`upward import ${a} → ${b}: ${example}`);

  for (const component of cycles(folders, edges)) {
    const inside = new Set(component);
    const links = component.flatMap((a) =>
      [...(edges.get(a) ?? [])].filter(([b]) => inside.has(b)).map(([b, example]) => `    ${a} → ${b}: ${example}`),
    );
    problems.push(`folder cycle between ${component.join(', ')}:\n${links.join('\n')}`);
  }

  // Provider names: only in src/providers/<name>/ and src/providers/registry.ts.
  const registry = join(src, 'providers', 'registry.ts');
  const providerNames = readdirSync(join(src, 'providers')).filter((name) => {
    try {
      return statSync(join(src, 'providers', name, 'index.ts')).isFile();
    } catch {
      return false;
    }
  });
  for (const file of all) {
    if (file === registry) continue;
    const lines = withoutComments(readFileSync(file, 'utf8')).split('\n');
    for (const name of providerNames) {
      if (file.startsWith(join(src, 'providers', name) + sep)) continue;
      for (const [at, line] of lines.entries())
        if (namesProvider(line, name))
          problems.push(`provider "${name}" named outside its folder: ${relative(root, file)}:${at + 1}: ${line.trim()}`);
    }
  }
  problems.push(...layoutProblems(src, providerNames));
  const dependencies = [...edges.values()].reduce((n, m) => n + m.size, 0);
  return { files: all.length, folders: folders.length, dependencies, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = checkStructure(resolve(import.meta.dirname, '..', 'src'));
  console.log(`structure: ${result.files} files in ${result.folders} folders; ${result.dependencies} folder dependencies`);
  for (const problem of result.problems) console.log(`FAIL ${problem}`);
  if (result.problems.length > 0) process.exit(1);
  console.log('structure: folders import downward only, no folder cycle; provider names only in their folders; README layout = tree');
}
