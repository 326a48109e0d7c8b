// Broad words (issue 13, point 2): a relevance page of a word most recordings hold ("c", "e": at least
// 5,000 matches here) is found among the newest recordings without ranking every match
// (src/main/search/search.ts, topScoredIds); narrower words are ranked in full. Either way it must be
// the very page that ranking every match gives: here the order is computed
// from the rows themselves (the score of rank.ts: 10 per word in the title, 5 in the summary, then
// newest first) and compared page by page, across the end of the window the shortcut looks in.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { generateRecordings } from '../../src/main/demo';
import { searchRecordings } from '../../src/main/search';
import { freshAccountDb } from '../helpers/db-temp';
import { expectedOrder as orderOf } from '../helpers/relevance-order';

let adb: AccountDb;

beforeAll(() => {
  adb = freshAccountDb();
  // More recordings than the shortcut's window (4,000), so pages past it and matches older than it exist.
  const records = generateRecordings(6000, { seed: 7 });
  for (let i = 0; i < records.length; i += 500) adb.recordings.upsertPage(records.slice(i, i + 500));
});

const expectedOrder = (query: string, words: string[]): string[] => orderOf(adb, query, words);

describe('a relevance page of a broad word', () => {
  it.each([
    ['c', ['c']],
    ['ch', ['ch']],
    ['e', ['e']],
    ['error', ['error']],
    ['s type:sent', ['s']],
    ['checkout b', ['checkout', 'b']],
    // Words of three characters or more: ranked from the list of matches (candidates.ts).
    ['cafe lumiere', ['cafe', 'lumiere']],
    ['checkout b platform:zendesk', ['checkout', 'b']],
    ['typeerror has:logs', ['typeerror']],
    ['"charts are blank"', ['charts are blank']],
    ['ログイン', ['ログイン']],
  ])('%s: every page is the page of the full ranking, and the total is exact', (query, words) => {
    const expected = expectedOrder(query, words);
    expect(expected.length).toBeGreaterThan(0);
    for (const [offset, limit] of [
      [0, 50],
      [0, 100],
      // Past the best-scored matches of "c" among the newest 4,000 (1,306 here) but within those of all
      // (1,975): found in the second, larger window; and past those of all: ranked in full.
      [1400, 100],
      [1950, 50],
      [100, 100],
      [3950, 50],
      [3990, 20],
      [4000, 50],
    ] as const) {
      const r = searchRecordings(adb, { query, limit, offset });
      expect(r.sort).toBe('relevance');
      expect(r.total).toBe(expected.length);
      expect(r.results.map((h) => h.uuid)).toEqual(expected.slice(offset, offset + limit));
    }
  });
});

describe('a count up to a cap', () => {
  it('stops at the cap and says so for a broad word, and is exact below it', () => {
    const exact = searchRecordings(adb, { query: 'c' });
    expect(exact.totalExact).toBe(true);
    expect(exact.total).toBeGreaterThan(1000);

    const capped = searchRecordings(adb, { query: 'c', countUpTo: 1000 });
    expect(capped.total).toBe(1000);
    expect(capped.totalExact).toBe(false);
    expect(capped.results.map((h) => h.uuid)).toEqual(exact.results.map((h) => h.uuid));

    const few = searchRecordings(adb, { query: 'checkout b', countUpTo: 1_000_000 });
    expect(few.totalExact).toBe(true);
    expect(few.total).toBe(searchRecordings(adb, { query: 'checkout b' }).total);
  });
});

describe('a word of three letters or more', () => {
  it('is counted exactly even when a cap is asked for: the pass that finds its page lists every match', () => {
    const exact = searchRecordings(adb, { query: 'error' });
    expect(exact.total).toBeGreaterThan(10);
    const capped = searchRecordings(adb, { query: 'error', countUpTo: 10 });
    // The interface then needs no second request for the exact number.
    expect(capped).toMatchObject({ total: exact.total, totalExact: true });
    expect(capped.results.map((h) => h.uuid)).toEqual(exact.results.map((h) => h.uuid));
  });
});

describe('the list of everything', () => {
  it('is counted exactly even when a cap is asked for (SQLite counts the whole cache cheaply)', () => {
    const all = searchRecordings(adb, { query: '', countUpTo: 1000 });
    expect(all.total).toBe(6000);
    expect(all.totalExact).toBe(true);
  });
});
