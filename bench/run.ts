// `npm run bench [-- --quick]`: every benchmark, one after another, each in a process of its own
// (never part of the tests: speed is measured here, not asserted). Each prints its figures with their
// goals; at the end docs/performance.md is rewritten from this run (lib/doc.ts). --quick: 10,000
// recordings only and fewer repetitions (lib/args.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchSize } from './lib/args';
import { writeDoc, readSections } from './lib/doc';
import { describeMachine, machineLine } from './lib/machine';
import { REPORT_DIR_ENV, verdict } from './lib/report';

const benches = [
  'search-bench.ts',
  'sync-bench.ts',
  'store-bench.ts',
  'size-bench.ts',
  'responsiveness-bench.ts',
  'startup-bench.ts',
  'index-options-bench.ts',
];
const size = benchSize();
const flags = size.quick ? ['--quick'] : [];
const machine = describeMachine();
const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');
const reportDir = mkdtempSync(join(tmpdir(), 'sdesk-bench-report-'));
console.log(`# npm run bench${size.quick ? ' -- --quick' : ''}\n${machineLine(machine)}`);
const failed: string[] = [];
for (const bench of benches) {
  console.log(`\n# ${bench}`);
  const run = spawnSync(tsx, [resolve(import.meta.dirname, bench), ...flags], {
    stdio: 'inherit',
    env: { ...process.env, [REPORT_DIR_ENV]: reportDir },
  });
  if (run.status !== 0) failed.push(bench);
}
const sections = readSections(reportDir);
rmSync(reportDir, { recursive: true, force: true });
const doc = resolve(import.meta.dirname, '../docs/performance.md');
await writeDoc(doc, { machine, quick: size.quick, sizes: size.sizes, runs: size.runs, sections, failed });
console.log('\n# Every goal of this run');
for (const g of sections.flatMap((s) => s.goals)) {
  console.log(`${verdict(g.met).padEnd(12)} ${g.what}: ${g.measured} (goal ${g.goal})`);
}
console.log(`\nWrote ${doc}${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length > 0 ? 1 : 0);
