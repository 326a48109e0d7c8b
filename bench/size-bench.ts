// Database size (issue 13, point 3): the cache file per 1,000 recordings, with the demo's console logs
// (about 2 KB a recording), without any, and with long ones (each recording's logs repeated to at
// least 20 KB, as a chatty web app writes them). What a user sees as the app's disk use; the search
// index over the logs is part of it. 10,000 recordings each, in a full run too: the size per 1,000
// hardly changes with the count, and 100,000 long logs would hold 2 GB of text in memory to store.
import { statSync } from 'node:fs';
import { generateRecordings } from '../src/main/demo';
import type { Recording } from '../src/shared/screendesk-api';
import { SMALL } from './lib/args';
import { ingest, withCache } from './lib/cache';
import { BenchReport } from './lib/report';
import { count, median } from './lib/stats';

const LONG_LOGS_BYTES = 20_000;

const report = new BenchReport('size', 'Database size', [
  'The cache file (with its search index, after a checkpoint) per 1,000 recordings: the disk an ' +
    'account takes, and a measure of how much the OS must read to search it cold.',
]);

function longLogs(r: Recording): Recording {
  const logs = r.console_logs;
  if (typeof logs !== 'string' || logs.length === 0) return r;
  return { ...r, console_logs: logs.repeat(Math.ceil(LONG_LOGS_BYTES / logs.length)) };
}

const VARIANTS: { name: string; change: (r: Recording) => Recording }[] = [
  { name: 'without console logs', change: (r) => ({ ...r, console_logs: null }) },
  { name: "with the demo's console logs", change: (r) => r },
  { name: `with long console logs (≥ ${count(LONG_LOGS_BYTES)} B each)`, change: longLogs },
];

async function main(): Promise<void> {
  const n = SMALL;
  const base = generateRecordings(n, { seed: 7 });
  const rows: string[][] = [];
  for (const v of VARIANTS) {
    const records = base.map(v.change);
    const json = median(records.map((r) => JSON.stringify(r).length));
    const bytes = await withCache(async (adb) => {
      await ingest(adb, records);
      adb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      return statSync(adb.path).size;
    });
    rows.push([v.name, `${count(json)} B`, `${(bytes / 1e6 / (n / 1000)).toFixed(2)} MB`]);
  }
  report.table(
    `cache file per 1,000 recordings (${count(n)} stored)`,
    ['recordings stored', 'JSON per recording (median)', 'file per 1,000'],
    rows,
  );
  report.save();
}

await main();
