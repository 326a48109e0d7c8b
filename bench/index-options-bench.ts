// What the options of the search index (drizzle/0013_recordings_fts_v6.sql) cost and buy (not part of
// the tests): the same demo recordings stored into a cache as shipped, without the `cjk` bigram column,
// without the one- and two-character prefix terms (prefix='1 2'), and without either (0012's index).
// Each variant is the shipped migrations with 0013 edited, so everything else is the same. The variants
// without the `cjk` column index NULL in its place; the app still computes the column's value (in
// extract.ts, stored in recording_payloads.search_cjk), so that cost is in every variant.
// Run: source scripts/env.sh && npx tsx bench/index-options-bench.ts [--quick]   (--quick: 10,000)
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccountDb } from '../src/main/db';
import { openAccountDb } from '../src/main/db';
import { generateRecordings } from '../src/main/demo';
import { hasCjk } from '../src/main/search/cjk';
import { searchRecordings } from '../src/main/search';
import { benchSize, SMALL } from './lib/args';
import { ingest, PAGE } from './lib/cache';
import { percentile } from './lib/stats';

const TOTAL = benchSize().quick ? SMALL : 20_000;
const RUNS = 30;
const SHIPPED = resolve(import.meta.dirname, '../drizzle');
const MIGRATION = '0013_recordings_fts_v6.sql';
const CJK_SQL = '`search_cjk` AS `cjk`';
const PREFIX_SQL = ",\n  prefix='1 2'";

interface Variant {
  name: string;
  cjk: boolean;
  prefix: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'as shipped', cjk: true, prefix: true },
  { name: 'without the cjk column', cjk: false, prefix: true },
  { name: "without prefix='1 2'", cjk: true, prefix: false },
  { name: 'without either (0012)', cjk: false, prefix: false },
];

// Short last words next to a longer word and a qualifier (the speed goal's shape), alone, and CJK parts.
const QUERIES = [
  'c',
  'ch',
  'checkout b platform:zendesk',
  'login s type:sent',
  'upload st duration:<120',
  '页面',
  'ログイン',
  '영수증',
];

/** The shipped migrations with 0013 changed to leave out what the variant does without. */
function migrationsFor(v: Variant, dir: string): string {
  const folder = join(dir, 'drizzle');
  cpSync(SHIPPED, folder, { recursive: true });
  let sql = readFileSync(join(SHIPPED, MIGRATION), 'utf8');
  const edit = (from: string, to: string): void => {
    if (!sql.includes(from)) throw new Error(`${MIGRATION} no longer contains ${JSON.stringify(from)}`);
    sql = sql.replaceAll(from, to);
  };
  if (!v.cjk) edit(CJK_SQL, 'NULL AS `cjk`');
  if (!v.prefix) edit(PREFIX_SQL, '');
  writeFileSync(join(folder, MIGRATION), sql);
  return folder;
}

function p95(adb: AccountDb, query: string): { ms: number; total: number } {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    total = searchRecordings(adb, { query }).total;
    if (i >= 3) times.push(performance.now() - t0);
  }
  return { ms: percentile(times, 95), total };
}

async function main(): Promise<void> {
  const records = generateRecordings(TOTAL, { seed: 7 });
  const withCjk = records.filter((r) => hasCjk(JSON.stringify(r))).length;
  console.log(`${TOTAL} demo recordings, ${withCjk} of them with CJK text; ${PAGE} per call`);
  console.log(
    'variant'.padEnd(26) + 'ingest /s wall'.padStart(18) + 'cpu'.padStart(18) + 'KB per 1,000'.padStart(18),
  );
  let base: { wall: number; cpu: number; size: number } | undefined;
  const p95s = new Map<string, string[]>(QUERIES.map((q) => [q, []]));
  for (const v of VARIANTS) {
    const dir = mkdtempSync(join(tmpdir(), 'sdesk-index-bench-'));
    const adb = openAccountDb({ dataDir: dir, accountId: 'bench', migrationsFolder: migrationsFor(v, dir) });
    try {
      const t = await ingest(adb, records);
      adb.sqlite.prepare("INSERT INTO recordings_fts(recordings_fts) VALUES ('optimize')").run();
      adb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const size = statSync(adb.path).size;
      const wall = TOTAL / (t.wallMs / 1000);
      const cpu = TOTAL / (t.cpuMs / 1000);
      base ??= { wall, cpu, size };
      const vs = (x: number, b: number): string => `${Math.round(x)} (${(x / b).toFixed(2)}×)`;
      console.log(
        v.name.padEnd(26) +
          vs(wall, base.wall).padStart(18) +
          vs(cpu, base.cpu).padStart(18) +
          vs(size / 1024 / (TOTAL / 1000), base.size / 1024 / (TOTAL / 1000)).padStart(18),
      );
      for (const q of QUERIES) {
        const r = p95(adb, q);
        p95s.get(q)?.push(`${r.ms.toFixed(1)} ms ${String(r.total).padStart(6)}`);
      }
    } finally {
      adb.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('');
  console.log(
    'query, p95 wall ms and matches'.padEnd(32) + VARIANTS.map((v) => v.name.padStart(24)).join(''),
  );
  for (const [q, cells] of p95s) {
    console.log(JSON.stringify(q).padEnd(32) + cells.map((c) => c.padStart(24)).join(''));
  }
  console.log('(0 matches: the variant cannot find them; ratios are against the variant as shipped)');
}

await main();
