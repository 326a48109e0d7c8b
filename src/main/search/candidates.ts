// A relevance page from the matches that can score, proved exact without scoring the others.
//
// Ranking a broad word joined every match to its row and scored it ("error": 31,639 matches on 100,000
// demo recordings, 2,211 of which score). The score (rank.ts) adds, per word, 10 when the title holds it
// and 5 when the summary does (LIKE '%word%'). A column that holds a word holds each of its trigrams, so
// the relevance index of those two columns (drizzle/0015_recordings_rank_index.sql) names, per column, a
// superset of the rows a word of three characters or more scores in: every other row gets nothing there
// for it. Shorter words (the one being typed: "b", "sa") have no trigram and may score anywhere.
//
// From that, bounds on the score of the matches the index does not name, tried in turn (bounds()): when
// at least a page of the matches it names score above the bound, that page is the page of the full
// ranking, since every other match scores at most the bound. The last bound, without short words, is 0:
// when fewer matches score, the rest (score 0) follow newest first, the order of equal scores, and are
// looked for among the newest recordings. Otherwise the result is null and the caller ranks every match.
import type { Database } from 'better-sqlite3';
import type { RankScore } from './rank';
import { COLUMN_LEAST, WORD_BEST } from './rank';
import { cachedStatement } from './statements';

// Any of a word's trigrams is a superset filter, and each one more costs the index query another doclist:
// beyond this many (the first, one in the middle, the last) they narrow the rows too little to pay for
// it (measured on 100,000 demo recordings: "cafe lumiere" 12 ms with 3 per word, 15 ms with 8).
const MAX_TRIGRAMS = 3;
// Scoring this many rows costs about what a query by column does (1-3 ms on 100,000 recordings).
const SCORED_DIRECTLY = 3000;
// How many of the newest recordings the zero-score rest of a page is looked for in, as topScoredIds does.
const FILL_WINDOW = 4000;

/** The distinct trigrams of `term` as FTS5 strings (at most MAX_TRIGRAMS, spread); null under 3 characters. */
export function trigrams(term: string): string[] | null {
  const chars = [...term];
  if (chars.length < 3) return null;
  const all = [...new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')))];
  return spread(all, MAX_TRIGRAMS).map((g) => `"${g.replaceAll('"', '""')}"`);
}

/** The relevance index's columns, as rank.ts weighs them. */
type RankColumn = 'title' | 'summary';

/** The query for the rows whose `column` holds every one of `grams`. */
function inColumn(column: RankColumn, grams: readonly string[]): string {
  return grams.map((g) => `${column} : ${g}`).join(' AND ');
}

/** At most `n` of `grams`, the first and the last among them. */
function spread(grams: readonly string[], n: number): string[] {
  if (grams.length <= n) return [...grams];
  return Array.from({ length: n }, (_, i) => grams[Math.round((i * (grams.length - 1)) / (n - 1))]!);
}

/** The query for the rows holding every one of `grams`, in either column or across both (a superset). */
function inRow(grams: readonly string[]): string {
  return grams.join(' AND ');
}

/**
 * A bound: the rows the index names, the most any other match scores, and whether the query is by column
 * (FTS5 then reads which column each entry is in: about twice the cost of the same query without).
 */
interface Bound {
  query: string;
  above: number;
  byColumn: boolean;
}

/**
 * The bounds tried, for the trigram lists of the words that have them (`words`) and the number of those
 * that do not (`short`): the rows the index names, and the most any other row scores.
 */
function bounds(words: readonly (readonly string[])[], short: number, best: number): Bound[] {
  const [only = []] = words;
  return [
    // One word in both columns: any other row misses it in one column, COLUMN_LEAST at least. Tried for
    // one word only, where it often holds (a title and a summary both about the word); rows holding two
    // words in both columns are rare, and the query costs as much as scoring a few thousand rows.
    ...(words.length === 1
      ? [
          {
            query: `${inColumn('title', only)} AND ${inColumn('summary', only)}`,
            above: best - COLUMN_LEAST,
            byColumn: true,
          },
        ]
      : []),
    // Every word in the row: any other row misses one word in both columns, WORD_BEST.
    { query: words.map((g) => `(${inRow(g)})`).join(' AND '), above: best - WORD_BEST, byColumn: false },
    // Any word in the row: any other row scores with its short words only. (With one word, the same
    // rows as the bound before, and the same bound.)
    ...(words.length > 1
      ? [{ query: words.map((g) => `(${inRow(g)})`).join(' OR '), above: WORD_BEST * short, byColumn: false }]
      : []),
  ];
}

/** The ids `sql` yields (one column, given as JSON by json_group_array), ascending. */
function ascendingIds(sqlite: Database, sql: string, param: string): number[] {
  const ids = JSON.parse(cachedStatement(sqlite, sql).pluck().get(param) as string) as number[];
  // FTS5 yields rowids ascending; SQL does not promise an aggregate keeps that order, so it is checked.
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! >= ids[i]!) return ids.sort((a, b) => a - b);
  return ids;
}

/** Every rowid the main index matches for `match`, ascending: their number is the exact total. */
export function matchIds(sqlite: Database, match: string): number[] {
  return ascendingIds(
    sqlite,
    'SELECT json_group_array(rowid) FROM recordings_fts WHERE recordings_fts MATCH ?',
    match,
  );
}

/** The ids in both ascending lists. */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** True when the ascending list holds `id`. */
function holds(ids: readonly number[], id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The first `limit` of `ids` scoring above `above`, in relevance order (score, newest, larger id). */
function bestScored(
  sqlite: Database,
  score: RankScore,
  ids: readonly number[],
  above: number,
  limit: number,
): number[] {
  const sql =
    `SELECT r.id AS id, ${score.sql} AS score, r.created_at AS created ` +
    'FROM json_each(?) j JOIN recordings r ON r.id = j.value WHERE score > ? ' +
    'ORDER BY score DESC, created DESC, id DESC LIMIT ?';
  return cachedStatement(sqlite, sql)
    .pluck()
    .all(...score.params, JSON.stringify(ids), above, limit) as number[];
}

/**
 * The `count` newest matches (of ascending `matches`) not in `scored`, after skipping `skip` of them (fewer
 * when the recordings end first); null when the newest FILL_WINDOW recordings do not hold them.
 */
function newestUnscored(
  sqlite: Database,
  matches: readonly number[],
  scored: ReadonlySet<number>,
  skip: number,
  count: number,
): number[] | null {
  const out: number[] = [];
  let skipped = 0;
  let walked = 0;
  const newest = cachedStatement(
    sqlite,
    'SELECT r.id FROM recordings r ORDER BY r.created_at DESC, r.id DESC LIMIT ?',
  );
  for (const id of newest.pluck().iterate(FILL_WINDOW) as IterableIterator<number>) {
    walked++;
    if (scored.has(id) || !holds(matches, id)) continue;
    if (skipped < skip) skipped++;
    else out.push(id);
    if (out.length === count) return out;
  }
  // Every recording walked: the page ends with the matches.
  return walked < FILL_WINDOW ? out : null;
}

/** The relevance page [offset, offset + limit) of `matches`, every one of them scored. */
export function rankedPage(
  sqlite: Database,
  score: RankScore,
  matches: readonly number[],
  limit: number,
  offset: number,
): number[] {
  return bestScored(sqlite, score, matches, -1, offset + limit).slice(offset);
}

/**
 * The ids of the relevance page [offset, offset + limit) of the matches `matches` (every one, ascending)
 * scored by `score`, or null when the bounds cannot prove it (see the top of this file).
 */
export function candidatePage(
  sqlite: Database,
  score: RankScore,
  matches: readonly number[],
  limit: number,
  offset: number,
  /** Below this many rows for the next bound, a bound by column is skipped (tests try every bound). */
  scoredDirectly = SCORED_DIRECTLY,
): number[] | null {
  const words = score.terms.map(trigrams).filter((g): g is string[] => g !== null);
  if (words.length === 0) return null;
  const short = score.terms.length - words.length;
  const wanted = offset + limit;
  const tried = bounds(words, short, score.best);
  const named: (number[] | undefined)[] = [];
  const candidatesOf = (i: number): number[] =>
    (named[i] ??= intersect(
      matches,
      ascendingIds(
        sqlite,
        'SELECT json_group_array(rowid) FROM recordings_rank_fts WHERE recordings_rank_fts MATCH ?',
        tried[i]!.query,
      ),
    ));
  for (const [i, { above, byColumn }] of tried.entries()) {
    // A bound by column saves scoring the next one's rows: not worth its query when those are few.
    if (byColumn && i + 1 < tried.length && candidatesOf(i + 1).length <= scoredDirectly) continue;
    const candidates = candidatesOf(i);
    // Too few to fill the page above the bound: not worth scoring them.
    if (above > 0 && candidates.length < wanted) continue;
    const scored = bestScored(sqlite, score, candidates, above, wanted);
    if (scored.length === wanted) return scored.slice(offset);
    if (above > 0) continue;
    // The last bound is 0: every match that scores is in `scored`; the rest score 0 and follow, newest first.
    const rest = newestUnscored(
      sqlite,
      matches,
      new Set(scored),
      Math.max(0, offset - scored.length),
      wanted - Math.max(offset, scored.length),
    );
    return rest === null ? null : [...scored.slice(offset), ...rest];
  }
  return null;
}
