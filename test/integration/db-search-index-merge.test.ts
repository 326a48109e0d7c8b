// Merging the search indexes after a large sync: same answers, one segment each, stoppable, resumable, and
// started by a sync that stored enough (src/main/db/search-index-merge.ts).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { META_KEYS, accountIdFor, needsIndexMerge, openAccountDb, mergeSearchIndex } from '../../src/main/db';
import { generateRecordings, startDemoServer, type DemoServer } from '../../src/main/demo';
import { searchRecordings } from '../../src/main/search';
import { AccountSession } from '../../src/main/session';
import type { Recording } from '../../src/shared/screendesk-api';
import { freshAccountDb, tempDataDir } from '../helpers/db-temp';
import { expectIndexMatchesSource } from '../helpers/fts-check';
import { expectRankIndexMatchesRows } from '../helpers/rank-index-check';
import { runCli } from '../helpers/run-cli';
import { openCacheOf, withCacheOf } from '../helpers/session-cache';

const QUERIES = [
  'checkout',
  'upload stuck',
  '"charts are blank"',
  'cafe -type:live',
  'typeerror platform:zendesk',
  'customer:hana',
  'invoice created:>2026-01-01',
];

const storedSinceMerge = (adb: AccountDb): number | undefined =>
  adb.meta.getNumber(META_KEYS.storedSinceIndexMerge);

/** Every query's total, and its hits' uuids and snippets in order. */
function answers(adb: AccountDb): unknown[] {
  return QUERIES.map((query) => {
    const r = searchRecordings(adb, { query, limit: 1000 });
    return [query, r.total, r.results.map((h) => [h.uuid, h.snippet])];
  });
}

/** The number of segments of each full-text index: the main one and the relevance index. */
function segments(adb: AccountDb): { main: number; rank: number } {
  const count = (table: string): number =>
    adb.sqlite.prepare(`SELECT count(DISTINCT segid) FROM ${table}`).pluck().get() as number;
  return { main: count('recordings_fts_idx'), rank: count('recordings_rank_fts_idx') };
}

/** A cache written in many small transactions (one index segment each, as after a sync), then changed. */
function segmentedCache(count = 1200, perPage = 20): AccountDb {
  const adb = freshAccountDb();
  const records = generateRecordings(count, { seed: 11 });
  for (let i = 0; i < records.length; i += perPage) adb.recordings.upsertPage(records.slice(i, i + perPage));
  // Changed text leaves old entries and delete markers in the index until a merge.
  adb.recordings.upsertPage(records.slice(0, 100).map((r) => ({ ...r, title: `${r.title ?? ''} renamed` })));
  return adb;
}

describe('needsIndexMerge', () => {
  it('asks for a merge once a quarter of the cache, and at least 1,000 recordings, were reindexed since', () => {
    const adb = freshAccountDb();
    expect(needsIndexMerge(adb.meta, 0)).toBe(false);
    adb.meta.set(META_KEYS.storedSinceIndexMerge, 999);
    expect(needsIndexMerge(adb.meta, 999)).toBe(false);
    adb.meta.set(META_KEYS.storedSinceIndexMerge, 1000);
    expect(needsIndexMerge(adb.meta, 4000)).toBe(true);
    expect(needsIndexMerge(adb.meta, 4001)).toBe(false);
  });

  it('counts the recordings whose indexed text is new or changed, not those changed elsewhere', () => {
    const adb = freshAccountDb();
    const records = generateRecordings(30, { seed: 2 });
    adb.recordings.upsertPage(records);
    expect(storedSinceMerge(adb)).toBe(30);
    adb.recordings.upsertPage(records); // nothing changed
    expect(storedSinceMerge(adb)).toBe(30);
    const [first, second] = records as [Recording, Recording];
    const viewed = { ...second, metadata: { ...second.metadata, impressions_count: 12345 } };
    expect(adb.recordings.upsertPage([{ ...first, title: 'Renamed' }, viewed]).updated).toBe(2);
    expect(storedSinceMerge(adb)).toBe(31);
  });
});

describe('mergeSearchIndex', () => {
  it('merges both indexes into one segment each without changing any answer', async () => {
    const adb = segmentedCache();
    const before = answers(adb);
    const split = segments(adb);
    expect(split.main).toBeGreaterThan(1);
    expect(split.rank).toBeGreaterThan(1);
    const first = await mergeSearchIndex(adb);
    expect(segments(adb)).toEqual({ main: 1, rank: 1 });
    expect(first.done).toBe(true);
    expect(first.slices).toBeGreaterThan(1);
    expect(storedSinceMerge(adb)).toBe(0);
    // A second run finds one segment in each index and nothing to merge: one slice each.
    expect(await mergeSearchIndex(adb)).toEqual({ done: true, slices: 2 });
    expect(answers(adb)).toEqual(before);
    expectIndexMatchesSource(adb.sqlite);
    expectRankIndexMatchesRows(adb.sqlite);
  });

  it('stops between slices when asked, leaving a valid index that a later run finishes', async () => {
    const adb = segmentedCache();
    const before = answers(adb);
    const controller = new AbortController();
    const running = mergeSearchIndex(adb, controller.signal);
    controller.abort(); // takes effect after the first slice
    expect(await running).toEqual({ done: false, slices: 1 });
    expect(storedSinceMerge(adb)).toBe(1300);
    expect(answers(adb)).toEqual(before);
    // Writes between slices are fine: each slice is its own transaction.
    adb.recordings.upsertPage(generateRecordings(5, { seed: 99 }));
    const rest = await mergeSearchIndex(adb);
    expect(rest.done).toBe(true);
    expect(rest.slices).toBeGreaterThan(1);
    expectIndexMatchesSource(adb.sqlite);
    expectRankIndexMatchesRows(adb.sqlite);
  });

  it('stops when the connection closes under it', async () => {
    const adb = segmentedCache();
    const running = mergeSearchIndex(adb);
    adb.close();
    expect((await running).done).toBe(false);
  });
});

describe('a sync that reindexes a large share of the cache', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ recordings: 1500, pageSize: 20 });
  });
  afterAll(async () => {
    await server.close();
  });

  const session = (dataDir: string): AccountSession =>
    new AccountSession({ dataDir, apiUrl: server.url, token: server.adminToken });

  it('merges the index afterwards, in the background, and not again after a sync that changed nothing', async () => {
    const s = session(tempDataDir());
    try {
      const summary = await s.sync();
      expect(summary.added).toBe(1500);
      expect(s.mergingIndex).toBe(true);
      // The sync has returned: searching works while the merge runs.
      expect(s.search({ query: 'checkout' }).total).toBeGreaterThan(0);
      await s.settled();
      expect(s.mergingIndex).toBe(false);
      const cache = openCacheOf(s);
      try {
        expect(storedSinceMerge(cache)).toBe(0);
        expect(await mergeSearchIndex(cache)).toEqual({ done: true, slices: 2 });
      } finally {
        cache.close();
      }

      await s.sync();
      expect(s.mergingIndex).toBe(false);
    } finally {
      s.close();
    }
  });

  it('merges after the next sync when the app quit during a merge', async () => {
    const dataDir = tempDataDir();
    const first = session(dataDir);
    await first.sync();
    expect(first.mergingIndex).toBe(true);
    first.close();
    const second = session(dataDir);
    try {
      expect(withCacheOf(second, storedSinceMerge)).toBe(1500);
      await second.sync();
      expect(second.mergingIndex).toBe(true);
      await second.settled();
      expect(withCacheOf(second, storedSinceMerge)).toBe(0);
      withCacheOf(second, (cache) => expectIndexMatchesSource(cache.sqlite));
    } finally {
      second.close();
    }
  });

  it('sdesk sync merges the index before it exits', async () => {
    execFileSync('bash', [resolve(import.meta.dirname, '../../scripts/build-cli.sh')]);
    const dataDir = tempDataDir();
    const env = {
      SCREENDESK_API_URL: server.url,
      SCREENDESK_DATA_DIR: dataDir,
      SCREENDESK_API_TOKEN: server.adminToken,
    };
    const run = await runCli(['sync'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Merging the search index/);
    const adb = openAccountDb({ dataDir, accountId: accountIdFor(server.url, server.adminToken) });
    try {
      expect(storedSinceMerge(adb)).toBe(0);
      expect(await mergeSearchIndex(adb)).toEqual({ done: true, slices: 2 });
    } finally {
      adb.close();
    }
  });
});
