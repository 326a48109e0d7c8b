// `npm run bench`: every benchmark, one after another (never part of the tests: speed is measured
// here, not asserted). Each prints its own numbers and whether it meets its goal.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const benches = ['store-bench.ts', 'index-options-bench.ts', 'sync-bench.ts'];
const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');
let failed = false;
for (const bench of benches) {
  console.log(`\n## ${bench}`);
  const run = spawnSync(tsx, [resolve(import.meta.dirname, bench)], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
