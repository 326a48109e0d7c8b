// Store and search benchmark (not part of the tests): ingest 100,000 demo recordings (src/main/demo, the
// same data the demo server serves) into a fresh account cache, then time representative searches.
// Run: source scripts/env.sh && npx tsx bench/store-bench.ts   (BENCH_RECORDINGS=20000 for a quick run)
//
// Goals (offline cache issue): ingest ≥ 20,000 recordings/s including the search index; a two-word query
// with a qualifier ≤ 10 ms at p95 on 100,000 recordings, also when its last word is one or two letters
// being typed (issue 11). What the index's options cost on their own: index-options-bench.ts. Both wall-clock and CPU time are reported: on a
// shared machine wall time includes waiting for a CPU, CPU time is what the work itself costs (CPU time
// includes the checkpoint thread, which runs during ingest as it does during a sync).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AccountDb } from '../src/main/db';
import { needsIndexMerge, openAccountDb, mergeSearchIndex, withBackgroundCheckpoints } from '../src/main/db';
import { generateRecordings } from '../src/main/demo';
import type { SearchSort } from '../src/main/search';
import { searchRecordings } from '../src/main/search';
import type { Recording } from '../src/shared/screendesk-api';

const TOTAL = Number(process.env.BENCH_RECORDINGS ?? 100_000);
const PAGE = 100; // the API's page size; a sync stores one page or several per call (page-writer.ts)
const RUNS = 40;
const INGEST_GOAL = 20_000; // recordings per second
const QUERY_GOAL_MS = 10; // p95 of a two-word query with a qualifier

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function cpuMs(c: NodeJS.CpuUsage): number {
  return (c.user + c.system) / 1000;
}

function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { wallMs: performance.now() - t0, cpuMs: cpuMs(c) };
}

function rate(n: number, t: Timing): string {
  const per = (ms: number): string => String(Math.round(n / (ms / 1000))).padStart(7);
  return `${per(t.wallMs)} /s wall  ${per(t.cpuMs)} /s cpu`;
}

/** Stores `records` `batch` at a time, checkpointing on another thread as a sync does. */
async function ingest(adb: AccountDb, records: Recording[], batch: number): Promise<Timing> {
  return withBackgroundCheckpoints(adb, async () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += batch) {
      adb.recordings.upsertPage(records.slice(i, i + batch));
      await new Promise((r) => setImmediate(r)); // as between two pages of a sync
    }
    const c = process.cpuUsage(c0);
    return { wallMs: performance.now() - t0, cpuMs: cpuMs(c) };
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function withCache<T>(fn: (adb: AccountDb) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-bench-'));
  const adb = openAccountDb({ dataDir, accountId: 'bench' });
  try {
    return await fn(adb);
  } finally {
    adb.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The queries measured; `goal` marks the two-word queries with a qualifier the 10 ms goal is about. */
function queries(records: Recording[]): { query: string; sort?: SearchSort; goal?: boolean }[] {
  const ticket = records.find((r) => r.metadata?.helpdesk_info?.ticket_id)?.metadata?.helpdesk_info
    ?.ticket_id;
  return [
    { query: '' },
    { query: 'login safari type:sent', goal: true },
    { query: 'checkout button platform:zendesk', goal: true },
    { query: 'invoice vat created:>2026-06-01', goal: true },
    { query: 'upload stuck duration:<120', goal: true },
    { query: 'upload stuck' },
    { query: 'upload stuck', sort: 'newest' },
    { query: 'cafe lumiere' },
    { query: '"charts are blank"' },
    { query: 'customer:hana' },
    { query: 'user:sato -type:live' },
    { query: 'typeerror has:logs' },
    { query: `ticket:${ticket ?? '1'}` },
    { query: 'duration:>600', sort: 'longest' },
    { query: 'type:live -platform:jira', sort: 'oldest' },
    { query: 'error' },
    // The word being typed: a prefix from its first letter (drizzle/0013_recordings_fts_v6.sql).
    { query: 'checkout b platform:zendesk', goal: true },
    { query: 'login sa type:sent', goal: true },
    { query: 'upload s duration:<120', goal: true },
    { query: 'c' },
    { query: 'ch' },
    // CJK text by part of a word (the `cjk` bigram column).
    { query: 'ログイン' },
    { query: '页面 type:received', goal: true },
  ];
}

async function main(): Promise<void> {
  const records = generateRecordings(TOTAL, { seed: 7 });
  const bytes = records.reduce((n, r) => n + JSON.stringify(r).length, 0);
  console.log(
    `${TOTAL} demo recordings, ${(bytes / 1e6).toFixed(1)} MB of JSON (${Math.round(bytes / TOTAL)} B each)`,
  );

  // Batch size alone, on a small fresh cache each: one transaction (and one index flush) per call.
  const sample = records.slice(0, Math.min(20_000, TOTAL));
  for (const batch of [100, 1000]) {
    const t = await withCache((adb) => ingest(adb, sample, batch));
    console.log(`ingest ${sample.length}, ${String(batch).padStart(4)} per call: ${rate(sample.length, t)}`);
  }

  let freshIngestRate = Number.POSITIVE_INFINITY;
  let worstGoalP95 = 0;
  await withCache(async (adb) => {
    const fresh = await ingest(adb, records, PAGE);
    freshIngestRate = TOTAL / (fresh.wallMs / 1000);
    console.log(`ingest ${TOTAL} (new), ${PAGE} per call:  ${rate(TOTAL, fresh)}`);
    await mergeAsTheAppWould(adb);
    console.log(`re-sync, nothing changed:      ${rate(TOTAL, await ingest(adb, records, PAGE))}`);
    const views = records.slice(0, 10_000).map((r) => ({
      ...r,
      metadata: { ...r.metadata, impressions_count: (r.metadata?.impressions_count ?? 0) + 1 },
    }));
    console.log(`re-sync, 10,000 view counts:   ${rate(views.length, await ingest(adb, views, PAGE))}`);
    const retitled = records.slice(0, 10_000).map((r) => ({ ...r, title: `${r.title ?? ''} (edited)` }));
    console.log(`re-sync, 10,000 new titles:    ${rate(retitled.length, await ingest(adb, retitled, PAGE))}`);
    await mergeAsTheAppWould(adb); // 10,000 reindexed of 100,000: too few, no merge
    adb.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    console.log(`database file: ${(statSync(adb.path).size / 1e6).toFixed(1)} MB`);
    console.log('');
    worstGoalP95 = timeQueries(adb, queries(records));

    // A re-sync that changes every recording's indexed text (say, every summary regenerated): the old
    // entries stay in the index, cancelled, until the merge that follows; searches just after it, then
    // once merged. The verdict counts the states that last (the table above and the merged one): the
    // one in between ends with the background merge, a second or two later.
    const renamed = records.map((r) => ({ ...r, title: `${r.title ?? ''} (renamed)` }));
    console.log('');
    console.log(`re-sync, all ${TOTAL} new titles: ${rate(TOTAL, await ingest(adb, renamed, PAGE))}`);
    const goals = queries(records).filter((q) => q.goal);
    console.log('');
    timeQueries(adb, goals, 'just after it');
    await mergeAsTheAppWould(adb);
    console.log('');
    worstGoalP95 = Math.max(worstGoalP95, timeQueries(adb, goals, 'merged'));
  });
  console.log('');
  const verdict = (ok: boolean): string => (ok ? 'OK' : 'MISSED');
  console.log(
    `ingest (new, ${PAGE} per call): ${Math.round(freshIngestRate)} /s wall (goal ≥ ${INGEST_GOAL}) ` +
      verdict(freshIngestRate >= INGEST_GOAL),
  );
  console.log(
    `two-word query with a qualifier: worst p95 ${worstGoalP95.toFixed(1)} ms wall (goal ≤ ${QUERY_GOAL_MS}) ` +
      verdict(worstGoalP95 <= QUERY_GOAL_MS),
  );
}

/**
 * Merges the search index when the app would, after a sync (src/main/session.ts): there it runs in the
 * background while searches already work, so it is timed on its own, not as part of the ingest.
 */
async function mergeAsTheAppWould(adb: AccountDb): Promise<void> {
  if (!needsIndexMerge(adb.meta, adb.recordings.count())) return;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await mergeSearchIndex(adb);
  console.log(
    `merging the search index afterwards (in the background): ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ` +
      `${(cpuMs(process.cpuUsage(c0)) / 1000).toFixed(2)} s cpu, ${result.slices} slices`,
  );
}

/** Times each query (after a warm-up), prints a table, returns the worst p95 of the goal queries. */
function timeQueries(adb: AccountDb, list: ReturnType<typeof queries>, title = 'query'): number {
  console.log(
    title.padEnd(40) +
      'sort'.padEnd(9) +
      'total'.padStart(8) +
      '  wall p50/p95 ms'.padStart(18) +
      '  cpu p50/p95 ms'.padStart(18),
  );
  let worstGoalP95 = 0;
  for (const q of list) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let total = '';
    for (let i = 0; i < RUNS + 5; i++) {
      const t = timed(() => {
        const res = searchRecordings(adb, { query: q.query, sort: q.sort });
        total = String(res.total);
      });
      if (i < 5) continue; // warm-up
      wall.push(t.wallMs);
      cpu.push(t.cpuMs);
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    if (q.goal) worstGoalP95 = Math.max(worstGoalP95, pct(wall, 95));
    const two = (xs: number[]): string => `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)}`;
    console.log(
      JSON.stringify(q.query).padEnd(40) +
        (q.sort ?? '').padEnd(9) +
        total.padStart(8) +
        two(wall).padStart(18) +
        two(cpu).padStart(18),
    );
  }
  return worstGoalP95;
}

await main();
