// The relevance page proved from the relevance index (src/main/search/candidates.ts): the matches whose
// title or summary holds a word's trigrams are the only ones that can score for it, and bounds on what the
// others score make a page found among them exact. Each bound is checked here against the order computed
// from the rows themselves (test/helpers/relevance-order.ts), on rows built to need it, including what
// the index cannot tell apart: a word inside another ("quartz" in "Megaquartzite"), its trigrams spread
// over both columns without the word in either, accents, a recording without a time.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { generateRecordings } from '../../src/main/demo';
import { searchRecordings } from '../../src/main/search';
import { candidatePage, matchIds } from '../../src/main/search/candidates';
import { compileQuery } from '../../src/main/search/compile';
import { parseQuery } from '../../src/main/search/parse';
import { rankScore } from '../../src/main/search/rank';
import { recording } from '../helpers/db-fixtures';
import { freshAccountDb } from '../helpers/db-temp';
import { expectRankIndexMatchesRows } from '../helpers/rank-index-check';
import { expectedOrder } from '../helpers/relevance-order';

/**
 * The page candidates.ts proves for `query`, or null when its bounds do not hold; `everyBound` tries the
 * bound by column even where the search skips it for being costlier than scoring the rows it saves.
 */
function proved(
  adb: AccountDb,
  query: string,
  limit: number,
  offset: number,
  everyBound: boolean,
): string[] | null {
  const q = compileQuery(parseQuery(query));
  const score = rankScore(q.rankTerms);
  if (q.match === null || score === null) throw new Error(`${query}: nothing to rank`);
  const matches = matchIds(adb.sqlite, q.match);
  const ids = everyBound
    ? candidatePage(adb.sqlite, score, matches, limit, offset, -1)
    : candidatePage(adb.sqlite, score, matches, limit, offset);
  if (ids === null) return null;
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

  it('keeps the relevance index in step with the rows', () => {
    expectRankIndexMatchesRows(adb.sqlite);
  });

  it.each([
    // One word in both columns: 15, above what any row missing it in a column scores.
    ['quartz', 2, 0, true],
    // Every word in the row (above 15): "quartz lemon" in a title, or quartz in one column and lemon in the other.
    ['quartz lemon', 1, 0, true],
    // Any word in the row (above 0): fewer than 3 hold both words.
    ['quartz lemon', 3, 0, true],
    ['quartz lemon', 3, 6, true],
    // Any word, with a short one: above its 15.
    ['quartz b', 1, 0, true],
    // Past the rows that score: the rest, newest first, the one without a time last.
    ['quartz', 3, 5, true],
    ['quartz', 4, 6, true],
    // Accents folded on both sides: "cafe" finds "Café".
    ['cafe', 1, 0, true],
    // Not provable: the page needs rows the index cannot bound (a short word's zero-score rows).
    ['quartz b', 4, 5, false],
  ] as const)(
    '%s, %i from %i: the page of the full ranking (proved: %s)',
    (query, limit, offset, provable) => {
      const words = query.split(' ');
      const expected = expectedOrder(adb, query, words).slice(offset, offset + limit);
      for (const everyBound of [false, true]) {
        const page = proved(adb, query, limit, offset, everyBound);
        if (provable) expect(page).toEqual(expected);
        else expect(page).toBeNull();
      }
      expect(searchRecordings(adb, { query, limit, offset }).results.map((h) => h.uuid)).toEqual(expected);
    },
  );
});

describe('bounds on the demo recordings', () => {
  let adb: AccountDb;
  beforeAll(() => {
    adb = freshAccountDb();
    const records = generateRecordings(3000, { seed: 7 });
    for (let i = 0; i < records.length; i += 500) adb.recordings.upsertPage(records.slice(i, i + 500));
  });

  it.each([
    ['error', ['error']],
    ['cafe lumiere', ['cafe', 'lumiere']],
    ['checkout b platform:zendesk', ['checkout', 'b']],
    ['upload stuck', ['upload', 'stuck']],
    ['typeerror has:logs', ['typeerror']],
    ['"charts are blank"', ['charts are blank']],
    ['ログイン', ['ログイン']],
  ])('%s: every page proved is the page of the full ranking', (query, words) => {
    const expected = expectedOrder(adb, query, words);
    let provedPages = 0;
    for (const [offset, limit] of [
      [0, 10],
      [0, 50],
      [40, 20],
      [200, 50],
      [1000, 50],
    ] as const) {
      for (const everyBound of [false, true]) {
        const page = proved(adb, query, limit, offset, everyBound);
        if (page === null) continue;
        provedPages++;
        expect(page).toEqual(expected.slice(offset, offset + limit));
      }
    }
    // The first page at least is proved: the bounds do hold on data like the bench's.
    expect(provedPages).toBeGreaterThan(0);
  });
});
