#!/usr/bin/env node
// A stand-in for wrangler in the setup script's tests: it records each call (argv and stdin) in
// $FAKE_WRANGLER_STATE and answers like Cloudflare's API would for a fresh account, or for one where
// the database and secrets exist already (the state file's `databases` and `secrets`).
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.FAKE_WRANGLER_STATE;
const state = JSON.parse(readFileSync(file, 'utf8'));
const argv = process.argv.slice(2);
let input = '';
if (!process.stdin.isTTY) {
  try {
    input = readFileSync(0, 'utf8');
  } catch {}
}
state.calls.push({ argv, input });
const save = () => writeFileSync(file, JSON.stringify(state));
const [group, command] = argv;

if (group === 'd1' && command === 'list') {
  console.log(JSON.stringify(state.databases));
} else if (group === 'd1' && command === 'create') {
  state.databases.push({ uuid: '3f0c2b8e-5a1d-4c7e-9b2a-6d4e8f1a2c3b', name: argv[2] });
  console.log(`✅ Successfully created DB '${argv[2]}'`);
} else if (group === 'd1' && command === 'migrations') {
  console.log('🚣 Executed 5 migrations');
} else if (group === 'secret' && command === 'list') {
  if (!state.workerExists) {
    console.error('✘ [ERROR] This Worker does not exist on your account. [code: 10007]');
    save();
    process.exit(1);
  }
  console.log(JSON.stringify(state.secrets.map((name) => ({ name, type: 'secret_text' }))));
} else if (group === 'secret' && command === 'put') {
  state.workerExists = true;
  state.secrets.push(argv[2]);
  console.log(`✨ Success! Uploaded secret ${argv[2]}`);
} else {
  console.error(`fake wrangler: unexpected ${argv.join(' ')}`);
  save();
  process.exit(2);
}
save();
