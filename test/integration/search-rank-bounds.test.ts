// The relevance page from upper bounds (src/main/search/candidates.ts): the matches whose title or
// summary holds a word's trigrams are the only ones that can score for it there, so the lists of the
// relevance index bound every match's score, and rows are read only where a bound may reach the page.
// Each page is checked against the order computed from the rows themselves (test/helpers/relevance-order.ts),
// with the search's limits, with every level walked, and with walks stopped short (the rest of a level
// then scored whole), each read from SQLite and from the rank columns in memory (scores and the newest
// order), on rows built to need it: a word inside another ("quartz" in "Megaquartzite"), its trigrams
// spread over both columns without the word in either, accents, a recording without a time.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { generateRecordings } from '../../src/main/demo';
import { searchRecordings } from '../../src/main/search';
import type { WalkLimits } from '../../src/main/search/candidates';
import { candidatePage, matchIds } from '../../src/main/search/candidates';
import { compileQuery } from '../../src/main/search/compile';
import { parseQuery } from '../../src/main/search/parse';
import { rankScore } from '../../src/main/search/rank';
import { currentRankColumns, readRankColumns } from '../../src/main/search/rank-columns';
import { memoryReads } from '../../src/main/search/ranked-in-memory';
import { recording } from '../helpers/db-fixtures';
import { freshAccountDb } from '../helpers/db-temp';
import { expectRankIndexMatchesRows } from '../helpers/rank-index-check';
import { expectedOrder } from '../helpers/relevance-order';

/** The search's own limits (undefined), every level walked, and walks of two recordings only. */
const LIMITS: (WalkLimits | undefined)[] = [
  undefined,
  { scoredWhole: 0, window: 1_000_000 },
  { scoredWhole: 0, window: 2 },
];

/** Where the page's scores and newest order are read: SQLite, or the rank columns in memory. */
const SCORED_FROM = ['rows', 'memory'] as const;

/** The uuids of the page candidates.ts finds for `query` with `limits`, each scored from `from`. */
function page(
  adb: AccountDb,
  query: string,
  limit: number,
  offset: number,
  limits: WalkLimits | undefined,
  from: (typeof SCORED_FROM)[number],
): string[] {
  const q = compileQuery(parseQuery(query));
  const score = rankScore(q.rankTerms);
  if (q.match === null || score === null) throw new Error(`${query}: nothing to rank`);
  const matches = matchIds(adb.sqlite, q.match);
  const columns = currentRankColumns(adb.sqlite);
  if (from === 'memory' && columns === null) throw new Error('The rank columns are not in memory');
  const reads = from === 'memory' ? memoryReads(columns!, score) : undefined;
  const ids = candidatePage(adb.sqlite, score, matches, limit, offset, limits, reads);
  const uuid = adb.sqlite.prepare('SELECT uuid FROM recordings WHERE id = ?').pluck();
  return ids.map((id) => uuid.get(id) as string);
}

const at = (day: number): Record<string, unknown> => ({
  metadata: { created_at: `2026-03-${String(day).padStart(2, '0')}T12:00:00Z` },
});

describe('bounds on crafted recordings', () => {
  let adb: AccountDb;
  beforeAll(() => {
    adb = freshAccountDb();
    adb.recordings.upsertPage([
      // "quartz" in title and summary (15), older than the title-only ones (10).
      recording({ uuid: 'both-1', title: 'Quartz clock', summary: 'The quartz stops', ...at(1) }),
      recording({ uuid: 'both-2', title: 'QUARTZ watch', summary: 'quartz battery', ...at(2) }),
      recording({ uuid: 'title-1', title: 'Megaquartzite sample', summary: 'rock', ...at(20) }),
      recording({ uuid: 'title-2', title: 'Quartz lemon tart', summary: null, ...at(21) }),
      recording({ uuid: 'title-3', title: 'Rose quartz', summary: 'Lemon bar', ...at(22) }),
      // Bounded 15 (the summary holds the trigrams), scoring 10: newer than the other tens, so it comes
      // first among them although it is read before them, at the level above.
      recording({ uuid: 'title-4', title: 'Quartz pendant', summary: 'quack uart rtz', ...at(23) }),
      // The same score at the same time: the larger id first.
      recording({ uuid: 'twin-1', title: 'Quartz twin', summary: 'A quartz', ...at(2) }),
      recording({ uuid: 'twin-2', title: 'Quartz twin', summary: 'A quartz', ...at(2) }),
      // Found by "quartz" elsewhere only: they score 0, newest first, the one without a time last.
      recording({ uuid: 'desc-1', title: 'Nothing here', description: 'quartz', ...at(25) }),
      recording({
        uuid: 'desc-2',
        title: 'Quarry art',
        summary: 'tzar rtz',
        description: 'quartz',
        ...at(26),
      }),
      recording({ uuid: 'desc-3', title: null, summary: null, description: 'quartz lemon', ...at(27) }),
      recording({
        uuid: 'no-time',
        title: 'Still nothing',
        description: 'quartz',
        metadata: { created_at: null },
      }),
      recording({ uuid: 'cafe', title: 'Café Lumière quartz', summary: 'Crème brûlée', ...at(3) }),
      // The trigrams of "quartz" in both columns, the word in neither: named by the index, scoring 0.
      recording({
        uuid: 'spread',
        title: 'Quaint art, rtz',
        summary: 'quack uart rtz',
        description: 'quartz',
        ...at(28),
      }),
    ]);
  });
  // Again before each test: a check of the indexes (an FTS5 command, a write) changes the cache's version.
  beforeEach(async () => {
    expect(await readRankColumns(adb.sqlite)).toBe(true);
  });

  it('keeps the relevance index in step with the rows', () => {
    expectRankIndexMatchesRows(adb.sqlite);
  });

  it.each([
    // One word in both columns (15), then in the title only (10), newest first.
    ['quartz', 2, 0],
    ['quartz', 3, 1],
    ['quartz', 5, 0],
    // Two words: "quartz lemon" in a title, or quartz in one column and lemon in the other.
    ['quartz lemon', 1, 0],
    ['quartz lemon', 3, 0],
    ['quartz lemon', 2, 1],
    // A short word scores anywhere: every match is bounded by its 15.
    ['quartz b', 1, 0],
    ['quartz b', 2, 1],
    // Past the rows that score: the rest, newest first, the one without a time last.
    ['quartz', 3, 6],
    ['quartz', 4, 8],
    // Accents folded on both sides: "cafe" finds "Café".
    ['cafe', 1, 0],
  ] as const)('%s, %i from %i: the page of the full ranking', (query, limit, offset) => {
    const words = query.split(' ');
    const expected = expectedOrder(adb, query, words).slice(offset, offset + limit);
    expect(expected.length).toBeGreaterThan(0); // the last page may be short, never empty here
    for (const limits of LIMITS)
      for (const from of SCORED_FROM) expect(page(adb, query, limit, offset, limits, from)).toEqual(expected);
    expect(searchRecordings(adb, { query, limit, offset }).results.map((h) => h.uuid)).toEqual(expected);
  });

  it('puts a match read at a higher level among the lower ones by its time', () => {
    const order = expectedOrder(adb, 'quartz', ['quartz']);
    expect(order.slice(0, 8)).toEqual([
      'twin-2',
      'twin-1',
      'both-2',
      'both-1',
      'title-4',
      'title-3',
      'title-2',
      'cafe',
    ]);
    for (const limits of LIMITS)
      for (const from of SCORED_FROM)
        expect(page(adb, 'quartz', 8, 0, limits, from)).toEqual(order.slice(0, 8));
  });
});

describe('bounds on the demo recordings', () => {
  let adb: AccountDb;
  beforeAll(() => {
    adb = freshAccountDb();
    const records = generateRecordings(3000, { seed: 7 });
    for (let i = 0; i < records.length; i += 500) adb.recordings.upsertPage(records.slice(i, i + 500));
  });
  // Again before each test: a check of the indexes (an FTS5 command, a write) changes the cache's version.
  beforeEach(async () => {
    expect(await readRankColumns(adb.sqlite)).toBe(true);
  });

  it.each([
    ['error', ['error']],
    ['cafe lumiere', ['cafe', 'lumiere']],
    ['checkout b platform:zendesk', ['checkout', 'b']],
    ['upload stuck', ['upload', 'stuck']],
    ['typeerror has:logs', ['typeerror']],
    ['"charts are blank"', ['charts are blank']],
    ['ログイン', ['ログイン']],
  ])('%s: every page is the page of the full ranking', (query, words) => {
    const expected = expectedOrder(adb, query, words);
    for (const [offset, limit] of [
      [0, 10],
      [0, 50],
      [40, 20],
      [200, 50],
      [1000, 50],
    ] as const) {
      for (const limits of LIMITS) {
        for (const from of SCORED_FROM) {
          const got = page(adb, query, limit, offset, limits, from);
          expect(got).toEqual(expected.slice(offset, offset + limit));
        }
      }
    }
  });
});
