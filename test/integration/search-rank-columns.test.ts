// The relevance page from the rank columns in memory (src/main/search/rank-columns.ts,
// ranked-in-memory.ts) against the same search answered by SQLite alone: the same page and count for
// every query, on the demo recordings and on rows written by hand to differ (upper case in a folded
// column, no time, no duration); columns dropped as soon as the cache changes, read again once it is
// still, never held when the cache changed while they were read or holds a value SQL compares otherwise.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { openAccountDb, openAccountDbForReading } from '../../src/main/db';
import { generateRecordings } from '../../src/main/demo';
import { searchRecordings } from '../../src/main/search';
import { currentRankColumns, readRankColumns } from '../../src/main/search/rank-columns';
import { recording } from '../helpers/db-fixtures';
import { tempDataDir } from '../helpers/db-temp';

const ACCOUNT = 'rank-columns';
let dataDir: string;
let writer: AccountDb;
/** Holds the rank columns. */
let inMemory: AccountDb;
/** Never holds them while a comparison runs (no await in between: nothing is read in the background). */
let sqlOnly: AccountDb;

const QUERIES = [
  'upload s duration:<120',
  'upload stuck duration:<120',
  'invoice vat created:>2026-06-01',
  'login -created:>2026-06-01',
  'upload -duration:<120',
  'error duration:>60 duration:<600',
  'checkout b platform:zendesk',
  'login sa type:sent',
  'c platform:zendesk',
  'ch type:live duration:<300',
  'b has:logs',
  'typeerror has:logs',
  'checkout button',
  'upload',
  'cafe lumiere',
  'error',
  'handmade',
  'handmade duration:<100',
  'handmade -created:>2026-01-01',
];

beforeAll(() => {
  dataDir = tempDataDir();
  writer = openAccountDb({ dataDir, accountId: ACCOUNT });
  // More than one stretch of rank-columns.ts (4,096 rows), so that reading them yields in between.
  const records = generateRecordings(4200, { seed: 7 });
  for (let i = 0; i < records.length; i += 500) writer.recordings.upsertPage(records.slice(i, i + 500));
  writer.recordings.upsertPage([
    recording({ uuid: 'no-time', title: 'Handmade upload', metadata: { created_at: null, duration: null } }),
    recording({ uuid: 'upper', title: 'handmade checkout', summary: 'Handmade error' }),
    recording({ uuid: 'lower', title: 'handmade upload', summary: 'handmade error' }),
  ]);
  // Written by hand (the app folds to lower case): LIKE ignores the case of ASCII letters.
  writer.sqlite.exec("UPDATE recordings SET title_folded = 'HANDMADE Checkout' WHERE uuid = 'upper'");
  inMemory = openAccountDbForReading({ dataDir, accountId: ACCOUNT });
  sqlOnly = openAccountDbForReading({ dataDir, accountId: ACCOUNT });
});

afterAll(() => {
  for (const adb of [inMemory, sqlOnly, writer]) adb.close();
});

const answer = (adb: AccountDb, query: string, limit: number, offset: number): unknown => {
  const r = searchRecordings(adb, { query, limit, offset });
  return { total: r.total, exact: r.totalExact, uuids: r.results.map((h) => h.uuid) };
};

describe('the rank columns in memory', () => {
  it('give every query the page and count SQLite gives', async () => {
    expect(await readRankColumns(inMemory.sqlite)).toBe(true);
    for (const [limit, offset] of [
      [50, 0],
      [50, 50],
      [7, 300],
      [1000, 0],
    ] as const) {
      for (const query of QUERIES) {
        expect(currentRankColumns(sqlOnly.sqlite)).toBeNull();
        expect(answer(inMemory, query, limit, offset), `${query} [${offset}, +${limit})`).toEqual(
          answer(sqlOnly, query, limit, offset),
        );
      }
    }
    expect(currentRankColumns(inMemory.sqlite)).not.toBeNull();
  });

  it('list the recordings in the order SQLite walks the newest (no time last, equal times by larger id)', async () => {
    expect(await readRankColumns(inMemory.sqlite)).toBe(true);
    const sql = inMemory.sqlite
      .prepare('SELECT id FROM recordings ORDER BY created_at DESC NULLS LAST, id DESC')
      .pluck()
      .all();
    const newest = Array.from(currentRankColumns(inMemory.sqlite)!.newest);
    expect(newest).toHaveLength(4203);
    expect(newest).toEqual(sql);
    const noTime = inMemory.sqlite.prepare("SELECT id FROM recordings WHERE uuid = 'no-time'").pluck().get();
    expect(newest.at(-1)).toBe(noTime);
  });

  it('are dropped when the cache changes, and read again once it is still', async () => {
    expect(await readRankColumns(inMemory.sqlite)).toBe(true);
    writer.recordings.upsertPage([
      recording({ uuid: 'newer', title: 'Handmade upload', summary: 'handmade' }),
    ]);
    expect(currentRankColumns(inMemory.sqlite)).toBeNull();
    expect(answer(inMemory, 'handmade upload', 1, 0)).toEqual({ total: 3, exact: true, uuids: ['newer'] });
    await vi.waitFor(() => expect(currentRankColumns(inMemory.sqlite)).not.toBeNull(), { timeout: 10_000 });
    expect(answer(inMemory, 'handmade upload', 1, 0)).toEqual({ total: 3, exact: true, uuids: ['newer'] });
  });

  it('are not held when the cache changed while they were read', async () => {
    const reading = readRankColumns(inMemory.sqlite);
    writer.recordings.upsertPage([recording({ uuid: 'meanwhile', title: 'Handmade too' })]);
    expect(await reading).toBe(false);
    expect(currentRankColumns(inMemory.sqlite)).toBeNull();
    expect(answer(inMemory, 'handmade too', 5, 0)).toEqual({ total: 1, exact: true, uuids: ['meanwhile'] });
  });

  it('are not held when a time is stored as text, which SQL compares as text', async () => {
    writer.sqlite.exec("UPDATE recordings SET created_at = 'soon' WHERE uuid = 'lower'");
    expect(await readRankColumns(inMemory.sqlite)).toBe(false);
    expect(answer(inMemory, 'handmade -created:>2026-01-01', 50, 0)).toEqual(
      answer(sqlOnly, 'handmade -created:>2026-01-01', 50, 0),
    );
  });

  it('are not read again, search after search, while the cache is as it was when they could not be held', async () => {
    const reader = openAccountDbForReading({ dataDir, accountId: ACCOUNT });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      expect(await readRankColumns(reader.sqlite)).toBe(false); // the time stored as text, above
      answer(reader, 'handmade upload duration:<100', 50, 0);
      // A read waits for the cache to be still first: nothing waits.
      expect(vi.getTimerCount()).toBe(0);
      writer.recordings.upsertPage([recording({ uuid: 'fixed', title: 'Handmade again' })]);
      answer(reader, 'handmade upload duration:<100', 50, 0);
      expect(vi.getTimerCount()).toBe(1);
    } finally {
      vi.useRealTimers();
      reader.close();
    }
  });
});
