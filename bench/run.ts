// `npm run bench [-- --quick] [-- --only NAME,…]`: the benchmarks, one after another, each in a process
// of its own (never part of the tests: speed is measured here, not asserted). Each prints its figures
// with their goals; at the end docs/performance.md is rewritten (lib/doc.ts).
//   --quick       10,000 recordings only (lib/args.ts); the document is then this run's alone, and the
//                 kept sections of full runs (docs/performance/) are left as they are.
//   --only NAMES  only these benchmarks (search, sync, store, size, responsiveness, startup,
//                 index-options); their sections replace those kept, the others stay as measured.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchSize } from './lib/args';
import { readSections, storeSections, writeDoc } from './lib/doc';
import { describeMachine, machineLine } from './lib/machine';
import { REPORT_DIR_ENV, verdict, type SectionData } from './lib/report';

const BENCHES = ['search', 'sync', 'store', 'size', 'responsiveness', 'startup', 'index-options'];

/** The benchmarks `--only` names (every one without it), and the other arguments. */
function selection(argv: readonly string[]): { benches: string[]; rest: string[]; only: boolean } {
  const at = argv.indexOf('--only');
  if (at < 0) return { benches: BENCHES, rest: [...argv], only: false };
  const names = (argv[at + 1] ?? '').split(',').filter((n) => n !== '');
  const unknown = names.filter((n) => !BENCHES.includes(n));
  if (names.length === 0 || unknown.length > 0) {
    console.error(
      `--only takes some of ${BENCHES.join(', ')}, comma-separated (got "${argv[at + 1] ?? ''}")`,
    );
    process.exit(2);
  }
  return { benches: names, rest: [...argv.slice(0, at), ...argv.slice(at + 2)], only: true };
}

const { benches, rest, only } = selection(process.argv.slice(2));
const size = benchSize(rest);
const flags = size.quick ? ['--quick'] : [];
const machine = describeMachine();
const run = { machine: machineLine(machine), quick: size.quick, sizes: size.sizes, runs: size.runs };
const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');
const reportDir = mkdtempSync(join(tmpdir(), 'sdesk-bench-report-'));
console.log(`# npm run bench ${process.argv.slice(2).join(' ')}\n${run.machine}`);
const failed: string[] = [];
for (const bench of benches) {
  console.log(`\n# ${bench}-bench.ts`);
  const child = spawnSync(tsx, [resolve(import.meta.dirname, `${bench}-bench.ts`), ...flags], {
    stdio: 'inherit',
    env: { ...process.env, [REPORT_DIR_ENV]: reportDir },
  });
  if (child.status !== 0) failed.push(bench);
}
const measured: SectionData[] = readSections(reportDir).map((s) => ({ ...s, run }));
rmSync(reportDir, { recursive: true, force: true });
const kept = resolve(import.meta.dirname, '../docs/performance');
if (!size.quick) await storeSections(kept, measured, !only && failed.length === 0);
const sections = size.quick ? measured : readSections(kept);
const doc = resolve(import.meta.dirname, '../docs/performance.md');
await writeDoc(doc, { sections, failed });
console.log('\n# Every goal of this run');
for (const g of measured.flatMap((s) => s.goals)) {
  console.log(`${verdict(g.met).padEnd(12)} ${g.what}: ${g.measured} (goal ${g.goal})`);
}
console.log(`\nWrote ${doc}${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length > 0 ? 1 : 0);
