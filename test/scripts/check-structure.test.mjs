// The house-rules checker (scripts/check-structure.mjs): its lexer, its provider-name rule and its verdicts on
// small src/ trees written here. Run by `npm run test:scripts`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { checkStructure, importsOf, layoutFolders, namesProvider, withoutComments } from '../../scripts/check-structure.mjs';

describe('withoutComments', () => {
  it('blanks line and block comments, keeps strings, templates, regular expressions and line numbers', () => {
    const template = ['`x$', '{"//not a comment"}y`'].join('');
    const text = [
      "const url = 'https://example.com'; // a comment with 'casso'",
      '/* block',
      `   over lines */ const a = ${template};`,
      'const re = /\\/\\/[/*]/g; const b = 1 / 2; // tail',
    ].join('\n');
    const out = withoutComments(text);
    assert.equal(out.length, text.length);
    assert.deepEqual(
      out.split('\n').map((line) => line.trimEnd()),
      ["const url = 'https://example.com';", '', `                 const a = ${template};`, 'const re = /\\/\\/[/*]/g; const b = 1 / 2;'],
    );
  });

  it('leaves commented-out imports out of a file’s imports', () => {
    assert.deepEqual(importsOf("import { a } from './a';\n// import { b } from './b';\n/* import c from './c'; */\nexport * from './d';"), [
      './a',
      './d',
    ]);
  });
});

describe('namesProvider', () => {
  it('matches a provider’s name as code: a quoted string, a key, a path segment, a member access', () => {
    for (const line of ["x === 'casso'", 'casso: { title }', "'/hooks/casso/abc'", 'casso.hook.routes', 'const n = "casso";'])
      assert.equal(namesProvider(line, 'casso'), true, line);
  });

  it('does not match prose, other casing or longer names', () => {
    for (const line of ["'Creates a dynamic VietQR'", "'Casso, SePay'", 'const cassoHook = 1', "'my.casso.vn'", 'a ? cassoX : b'])
      assert.equal(namesProvider(line, line.includes('VietQR') ? 'vietqr' : 'casso'), false, line);
  });
});

describe('layoutFolders', () => {
  it('reads the folders of the Layout block, not those of other sections', () => {
    const readme = '## Setup\n\n```\n  other/  no\n```\n\n## Layout\n\n```\nsrc/\n  api/  routes\n  index.ts, app.ts  entry\n  db/\n```\n';
    assert.deepEqual(layoutFolders(readme), ['api/', 'db/']);
  });
});

describe('checkStructure', () => {
  let src;
  beforeEach(() => {
    src = join(mkdtempSync(join(tmpdir(), 'check-structure-')), 'src');
  });
  afterEach(() => rmSync(dirname(src), { recursive: true, force: true }));
  const write = (path, text) => {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  };
  const tree = (extra = {}) => {
    write('providers/casso/index.ts', "export const casso = { name: 'casso' };");
    write('providers/registry.ts', "import { casso } from './casso';\nexport const providers = { casso };");
    write('api/orders.ts', "import { providers } from '../providers/registry';\nimport { newId } from '../lib/ids';");
    write('lib/ids.ts', 'export const newId = () => 1;');
    for (const [path, text] of Object.entries(extra)) write(path, text);
  };

  it('passes a tree that imports downward and names providers only in their folders', () => {
    tree({ 'api/notes.ts': "// The casso provider: see 'casso' in its folder.\nexport const note = 'Casso';" });
    assert.deepEqual(checkStructure(src).problems, []);
  });

  it('reports an upward import and the cycle it makes', () => {
    tree({ 'lib/ids.ts': "import { providers } from '../api/orders';" });
    const { problems } = checkStructure(src);
    assert.ok(
      problems.some((p) => p.startsWith('upward import lib → api: src/lib/ids.ts → src/api/orders.ts')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith('folder cycle between api, lib')),
      problems.join('\n'),
    );
  });

  it('checks that README.md "Layout" lists every src folder (providers/<name>/ for theirs) and no other', () => {
    tree();
    const readme = (lines) =>
      writeFileSync(join(dirname(src), 'README.md'), `# x\n\n## Layout\n\n\`\`\`\nsrc/\n${lines}\`\`\`\n\n## Next\n`);
    readme('  api/   routes\n  lib/   primitives\n  providers/   registry\n  providers/<name>/  one each\n');
    assert.deepEqual(checkStructure(src).problems, []);
    readme('  api/   routes\n  providers/   registry\n  providers/<name>/  one each\n  gone/  removed\n');
    assert.deepEqual(checkStructure(src).problems, [
      'README.md "Layout" does not list src/lib/',
      'README.md "Layout" lists src/gone/, which is not in the tree',
    ]);
  });

  it('reports a folder in no layer, and a provider named as code outside its folder', () => {
    tree({ 'extra/thing.ts': "export const p = 'casso';" });
    assert.deepEqual(checkStructure(src).problems, [
      'folder extra is in no layer: add it to LAYERS',
      `provider "casso" named outside its folder: src/extra/thing.ts:1: export const p = 'casso';`,
    ]);
  });
});
