#!/usr/bin/env node
// `npm run openapi [-- --out FILE]`: the OpenAPI document exactly as the running app serves it (the app
// builds it from its routes' zod schemas), written to FILE (default openapi.json) for linters and generators.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unstable_dev } from 'wrangler';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--out');
const out = at >= 0 ? args[at + 1] : join(root, 'openapi.json');
const origin = 'http://127.0.0.1:8787';

const worker = await unstable_dev(join(root, 'src/index.ts'), {
  config: join(root, 'wrangler.toml'),
  logLevel: 'error',
  experimental: { disableExperimentalWarning: true, testMode: true },
  // Valid throwaway configuration: the document does not depend on it, but every route needs it to answer.
  vars: {
    ADMIN_TOKEN: 'openapi-print-admin-token-000000000000',
    SECRETS_KEY: btoa(String.fromCharCode(...new Uint8Array(32))),
    PUBLIC_BASE_URL: origin,
  },
});
try {
  const res = await worker.fetch('/openapi.json');
  if (!res.ok) throw new Error(`GET /openapi.json: ${res.status} ${await res.text()}`);
  const doc = await res.json();
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`wrote ${out}: ${Object.keys(doc.paths).length} paths, ${Object.keys(doc.webhooks ?? {}).length} webhooks`);
} finally {
  await worker.stop();
}
