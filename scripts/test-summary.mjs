// Prints one plain closing line over every suite run (vitest and Playwright JSON reports, and the
// one-result reports of checks that are not test suites, such as actionlint):
// "N passed, N failed, N skipped". Skipped tests are listed with their reason first, so "skipped"
// never hides a silent gap.
//
//   node scripts/test-summary.mjs REPORT.json…
//   node scripts/test-summary.mjs --record REPORT.json NAME passed|failed|skipped [REASON]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

if (process.argv[2] === '--record') {
  const [file, name, status, reason = ''] = process.argv.slice(3);
  if (!['passed', 'failed', 'skipped'].includes(status)) throw new Error(`not a status: ${status}`);
  writeFileSync(file, JSON.stringify({ check: name, status, reason }));
  process.exit(0);
}

let passed = 0;
let failed = 0;
let skipped = 0;

function vitest(report) {
  const failedTests = report.numFailedTests ?? 0;
  passed += report.numPassedTests ?? 0;
  // A suite that crashes before running has no failed test but an unsuccessful report: count it.
  failed += failedTests + (report.success === false && failedTests === 0 ? 1 : 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      if (['skipped', 'pending', 'todo'].includes(t.status)) console.log(`skipped: ${t.fullName}`);
    }
  }
}

function playwright(report) {
  const s = report.stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  // A run that failed outside any test (setup, config) reports errors at the top level.
  if ((report.errors ?? []).length > 0 && (s.unexpected ?? 0) === 0) failed += 1;
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        const why = (test.annotations ?? [])
          .map((a) => a.description)
          .filter(Boolean)
          .join('; ');
        console.log(`skipped: ${[...path, spec.title].join(' › ')}${why ? ` (${why})` : ''}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, [suite.title]);
}

function check(report) {
  if (report.status === 'passed') passed += 1;
  else if (report.status === 'skipped') {
    skipped += 1;
    console.log(`skipped: ${report.check}${report.reason ? ` (${report.reason})` : ''}`);
  } else {
    failed += 1;
    console.log(`failed: ${report.check}${report.reason ? ` (${report.reason})` : ''}`);
  }
}

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`missing report: ${file} (its suite did not run to the end)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if ('check' in report) check(report);
  else if ('numPassedTests' in report) vitest(report);
  else playwright(report);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
