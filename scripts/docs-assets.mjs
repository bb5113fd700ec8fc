#!/usr/bin/env node
// Copies the pinned @scalar/api-reference standalone bundle into the Worker's static assets
// (public/docs/assets/, `[assets]` in wrangler.toml), so /docs serves it from our own origin: no CDN, works
// offline. Run by postinstall, `npm run dev` and `npm run deploy`; a no-op when the copy is current.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function ensureDocsAssets(root = join(import.meta.dirname, '..')) {
  const source = join(root, 'node_modules/@scalar/api-reference/dist/browser/standalone.js');
  const target = join(root, 'public/docs/assets/scalar-api-reference.js');
  if (!existsSync(source)) throw new Error(`${source} is missing: run npm install`);
  if (existsSync(target) && statSync(target).size === statSync(source).size && readFileSync(target).equals(readFileSync(source))) {
    return { target, copied: false };
  }
  mkdirSync(join(target, '..'), { recursive: true });
  copyFileSync(source, target);
  return { target, copied: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../node_modules/@scalar/api-reference/package.json'), 'utf8'));
  const { target, copied } = ensureDocsAssets();
  if (copied) console.log(`docs: @scalar/api-reference ${version} → ${target}`);
}
