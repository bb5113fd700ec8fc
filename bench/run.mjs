// npm run bench: runs each section in order; sections print `BENCH <name> <value> <unit>` and `RATIO <name> <value>`.
// A section is a module exporting `run()`; add yours to the list.
import './results.mjs'; // records what the sections print; its run() (last) writes bench/RESULTS.md

const sections = [
  ['qr', () => import('./qr.mjs')],
  ['callback', () => import('./callback.mjs')],
  ['ledger', () => import('./ledger-calls.mjs')],
  ['e2e', () => import('./e2e-delivery.mjs')],
  ['cpu', () => import('./cpu.mjs')],
  ['bundle', () => import('./bundle.mjs')],
  ['scale', () => import('./scale.mjs')],
  ['results', () => import('./results.mjs')],
];

const only = process.argv.slice(2);
for (const [name, load] of sections) {
  if (only.length && !only.includes(name)) continue;
  const started = performance.now();
  console.log(`# ${name}`);
  try {
    await (await load()).run();
  } catch (error) {
    // A section that breaks is reported; the others still run (benchmarks measure, they never fail a build).
    process.exitCode = 1;
    console.log(`# ${name} failed: ${error?.stack ?? error}`);
  }
  console.log(`# ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
