#!/usr/bin/env node
// Runs before `wrangler deploy` (npm run deploy): refuses a deploy that cannot work, with what to do instead,
// and puts the API reference's bundle into the static assets the deploy uploads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDocsAssets } from './docs-assets.mjs';
import { databaseIdProblem } from './wrangler-config.mjs';

const root = process.cwd();
const problem = databaseIdProblem(readFileSync(join(root, 'wrangler.toml'), 'utf8'));
if (problem) {
  console.error(`
Deploy stopped: ${problem}.
A Worker deployed with it would have no database. Either
  - run \`npm run setup:cloudflare\` (creates the D1 database, writes its id into wrangler.toml,
    applies the migrations and sets the secrets), or
  - paste the id of an existing database (\`npx wrangler d1 list\`) into wrangler.toml as database_id.
See README, "Deploy to Cloudflare".
`);
  process.exit(1);
}
ensureDocsAssets(root);
