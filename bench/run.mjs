// npm run bench: runs each section in order; sections print `BENCH <name> <value> <unit>` and `RATIO <name> <value>`.
// A section is a module exporting `run()`; add yours to the list.
const sections = [['qr', () => import('./qr.mjs')]];

const only = process.argv.slice(2);
for (const [name, load] of sections) {
  if (only.length && !only.includes(name)) continue;
  const started = performance.now();
  console.log(`# ${name}`);
  await (await load()).run();
  console.log(`# ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
