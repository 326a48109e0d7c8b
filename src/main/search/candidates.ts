// A relevance page of a broad word from upper bounds on each match's score, read from the relevance
// index; exact scores are read (from the rows, or from the rank columns in memory: rank-columns.ts) only
// for the matches that may make the page.
//
// The score (rank.ts) adds, per word, 10 when the folded title holds it and 5 when the folded summary
// does (LIKE '%word%'). A column that holds a word holds each of its trigrams, so the relevance index
// (drizzle/0015_recordings_rank_index.sql) names, per word and column, a superset of the rows where the
// word scores: every other row gets nothing there for it. Summing the weights of the lists a match is in
// bounds its score from above, for every match at once and without reading a row. Words of one or two
// characters (the one being typed: "b", "sa") have no trigram and may score anywhere: they add their
// whole weight to every bound.
//
// The page then comes from the matches with the highest bounds, level by level (pageFromBounds): each
// match's row is read to score it only when its bound is the highest still unread, and in the order of
// equal scores (newest first), so reading stops as soon as the page is full. No match is left out by
// this: an unread match scores at most its bound, and those with the current bound are read newest
// first. Measured on 100,000 demo recordings, whole searches in one process, alternating with the bounds
// this replaced (which scored every match a bound named): "typeerror has:logs" 11.3 → 5.4 ms p50,
// "cafe lumiere" 17.1 → 11.0, "error" 12.6 → 10.9. Each of the three reads 100 rows for its first page.
import type { Database } from 'better-sqlite3';
import type { RankScore } from './rank';
import { RANK_COLUMNS, WORD_BEST } from './rank';
import { cachedStatement } from './statements';

// Any of a word's trigrams is a superset filter, and each one more costs the index query another doclist.
// The first and the last narrow the lists as much as three did on 100,000 demo recordings ("error",
// "typeerror", "lumiere", "checkout", "upload": the same rows per column) and cost a fifth to a half less.
const MAX_TRIGRAMS = 2;
/** When a level is scored whole and how far the newest recordings are walked for the others. */
export interface WalkLimits {
  /** A level of at most this many matches is scored whole, in one statement. */
  scoredWhole: number;
  /** How many of the newest recordings a level is walked through before the rest of it is scored whole. */
  window: number;
}

// Scoring a level whole reads every row of it (about 1 µs each on 100,000 demo recordings); a walk reads
// the newest ids (about 0.15 µs each) until the page is full, and scores the matches of the level among
// them. So a small level is scored whole ("checkout b platform:zendesk": 1,089 matches bounded 25, of
// which 389 score it, would be walked through about 13,000 recordings), a large one walked ("error":
// 2,211 bounded 5, about 2,300 recordings for the first page).
const WALK_LIMITS: WalkLimits = { scoredWhole: 1500, window: 16384 };
// The first stretch of the newest recordings read at once; each further one doubles what was read.
const WALK_FIRST = 1024;

/** The distinct trigrams of `term` as FTS5 strings (at most MAX_TRIGRAMS, spread); null under 3 characters. */
export function trigrams(term: string): string[] | null {
  const chars = [...term];
  if (chars.length < 3) return null;
  const all = [...new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')))];
  return spread(all, MAX_TRIGRAMS).map((g) => `"${g.replaceAll('"', '""')}"`);
}

/** At most `n` of `grams`, the first and the last among them. */
function spread(grams: readonly string[], n: number): string[] {
  if (grams.length <= n) return [...grams];
  return Array.from({ length: n }, (_, i) => grams[Math.round((i * (grams.length - 1)) / (n - 1))]!);
}

/** The ids `sql` yields (one column, given as JSON by json_group_array), ascending. */
function ascendingIds(sqlite: Database, sql: string, param: string): number[] {
  const ids = JSON.parse(cachedStatement(sqlite, sql).pluck().get(param) as string) as number[];
  // FTS5 yields rowids ascending; SQL does not promise an aggregate keeps that order, so it is checked.
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! >= ids[i]!) return ids.sort((a, b) => a - b);
  return ids;
}

/** The matches of an FTS5 expression in the main index, as a FROM clause with its one parameter. */
export const INDEX_MATCH = 'FROM recordings_fts WHERE recordings_fts MATCH ?';

/** Every rowid the main index matches for `match`, ascending: their number is the exact total. */
export function matchIds(sqlite: Database, match: string): number[] {
  return ascendingIds(sqlite, `SELECT json_group_array(rowid) ${INDEX_MATCH}`, match);
}

/**
 * The index in the ascending list `ids` of `id`, looking from index `from` on, or -1. From a later index
 * it gallops first (1, 2, 4, … ahead): a caller walking ascending ids finds the next one a few places
 * on, in a few steps over memory it just read, instead of a search over the whole list each time.
 */
export function indexOf(ids: ArrayLike<number>, id: number, from = 0): number {
  let lo = from;
  let hi = ids.length - 1;
  if (from > 0) {
    // Every index lo moves to holds a smaller id; the id, if there, is at most `step` past it.
    let step = 1;
    while (lo + step <= hi && ids[lo + step]! < id) {
      lo += step;
      step *= 2;
    }
    hi = Math.min(hi, lo + step);
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The most each of `matches` (ascending) can score, in the same order: per word, the weight of each
 * column whose list in the relevance index holds the match; a word without trigrams, its whole weight.
 */
function upperBounds(sqlite: Database, score: RankScore, matches: readonly number[]): Int32Array {
  const words = score.terms.map(trigrams);
  const short = words.filter((g) => g === null).length;
  const bounds = new Int32Array(matches.length).fill(WORD_BEST * short);
  for (const grams of words) {
    if (grams === null) continue;
    for (const { index, weight } of RANK_COLUMNS) {
      const listed = ascendingIds(
        sqlite,
        'SELECT json_group_array(rowid) FROM recordings_rank_fts WHERE recordings_rank_fts MATCH ?',
        grams.map((g) => `${index} : ${g}`).join(' AND '),
      );
      // Both ascending: one pass.
      for (let i = 0, j = 0; i < matches.length && j < listed.length;) {
        if (matches[i]! < listed[j]!) i++;
        else if (matches[i]! > listed[j]!) j++;
        else bounds[i++]! += weight;
      }
    }
  }
  return bounds;
}

/** A match whose row was read: its exact score and its time (epoch ms; null without). */
export interface Scored {
  id: number;
  score: number;
  created: number | null;
}

/** True when `a` comes before `b` in relevance order: a higher score, then newer (no time last), then the larger id. */
export function before(a: Scored, b: Scored): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.created !== b.created) return b.created === null || (a.created !== null && a.created > b.created);
  return a.id > b.id;
}

/** The exact scores of `ids` (any order; an id without a row is left out). */
type Scorer = (ids: readonly number[]) => Scored[];

/** The ids of the `n` recordings from the `from`-th newest on (fewer past the end), newest first. */
export type NewestIds = (from: number, n: number) => ArrayLike<number>;

/** What a page reads of the recordings: from SQLite (sqlReads), or from the rank columns in memory. */
export interface PageReads {
  scoreOf: Scorer;
  newest: NewestIds;
}

/** The PageReads that read SQLite: each recording's row, and the index of times. */
function sqlReads(sqlite: Database, score: RankScore): PageReads {
  return { scoreOf: (ids) => scoreRows(sqlite, score, ids), newest: (from, n) => newestIds(sqlite, from, n) };
}

/** The exact scores of `ids` from their rows (any order; an id without a row is left out). */
function scoreRows(sqlite: Database, score: RankScore, ids: readonly number[]): Scored[] {
  if (ids.length === 0) return [];
  const sql = `SELECT r.id, ${score.sql}, r.created_at FROM json_each(?) j JOIN recordings r ON r.id = j.value`;
  const rows = cachedStatement(sqlite, sql)
    .raw()
    .all(...score.params, JSON.stringify(ids)) as [number, number, number | null][];
  return rows.map(([id, s, created]) => ({ id, score: s, created }));
}

/**
 * The ids of the `n` recordings from the `from`-th newest on, in relevance's order of equal scores (newest
 * first, no time last, then the larger id): SQLite walks its index of times for it.
 */
export function newestIds(sqlite: Database, from: number, n: number): number[] {
  const sql =
    'SELECT json_group_array(id) FROM ' +
    '(SELECT id FROM recordings ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?)';
  return JSON.parse(cachedStatement(sqlite, sql).pluck().get(n, from) as string) as number[];
}

/** The ids of the recordings newest first, read a stretch at a time as far as a walk goes. */
class NewestWalk {
  private readonly ids: number[] = [];
  private ended = false;

  constructor(
    private readonly read: NewestIds,
    private readonly window: number,
  ) {}

  /** The id of the `i`-th newest recording, or null past the end of the recordings or of the window. */
  at(i: number): number | null {
    while (i >= this.ids.length && !this.ended && this.ids.length < this.window) this.readMore();
    return i < this.ids.length && i < this.window ? this.ids[i]! : null;
  }

  /** Whether the walk saw every recording. */
  get complete(): boolean {
    return this.ended;
  }

  private readMore(): void {
    const n = Math.min(this.window - this.ids.length, Math.max(WALK_FIRST, this.ids.length));
    const more = this.read(this.ids.length, n);
    for (let i = 0; i < more.length; i++) this.ids.push(more[i]!);
    if (more.length < n) this.ended = true;
  }
}

/**
 * The first `wanted` of `matches` (ascending) in relevance order, given upper bounds on their scores
 * (`bounds`, in the same order). Levels of equal bound are taken highest first. A match read and found
 * to score less than its bound waits (`waiting`) until no unread match can come before it.
 */
function pageFromBounds(
  { scoreOf, newest: newestOf }: PageReads,
  matches: readonly number[],
  bounds: Int32Array,
  wanted: number,
  limits: WalkLimits,
): number[] {
  // How many matches have each bound; a level's ids are listed only when it is scored whole.
  const sizes = new Map<number, number>();
  for (const b of bounds) sizes.set(b, (sizes.get(b) ?? 0) + 1);
  const levelOf = (bound: number, except?: ReadonlySet<number>): number[] =>
    matches.filter((id, i) => bounds[i] === bound && except?.has(id) !== true);
  const out: number[] = [];
  let waiting: Scored[] = [];
  /** Moves the waiting matches `ready` tells into the page, in order. */
  const release = (ready: (s: Scored) => boolean): void => {
    const go = waiting.filter(ready).sort((a, b) => (before(a, b) ? -1 : 1));
    waiting = waiting.filter((s) => !ready(s));
    for (const s of go) out.push(s.id);
  };
  const newest = new NewestWalk(newestOf, limits.window);
  for (const bound of [...sizes.keys()].sort((a, b) => b - a)) {
    // Every match still unread scores at most `bound`: those read that score more come first.
    release((s) => s.score > bound);
    if (out.length >= wanted) break;
    if (sizes.get(bound)! <= limits.scoredWhole) {
      waiting.push(...scoreOf(levelOf(bound)));
      continue;
    }
    // Walk the newest recordings for this level's matches: one that scores its bound is next in order,
    // after the waiting ones of that score that come before it.
    const seen = new Set<number>();
    let batch: number[] = [];
    const take = (): void => {
      const byId = new Map(scoreOf(batch).map((s) => [s.id, s]));
      for (const id of batch) {
        const s = byId.get(id);
        if (s === undefined) continue;
        if (s.score < bound) waiting.push(s);
        else if (out.length < wanted) {
          release((w) => w.score === bound && before(w, s));
          out.push(s.id);
        }
      }
      batch = [];
    };
    for (let i = 0; out.length < wanted; i++) {
      const id = newest.at(i);
      if (id === null) break;
      const at = indexOf(matches, id);
      if (at < 0 || bounds[at] !== bound) continue;
      seen.add(id);
      batch.push(id);
      if (batch.length >= Math.max(64, 2 * (wanted - out.length))) take();
    }
    take();
    if (out.length >= wanted) break;
    // The walk ended first: the rest of the level, all older than it, is read whole.
    if (!newest.complete) waiting.push(...scoreOf(levelOf(bound, seen)));
  }
  release(() => true);
  return out.slice(0, wanted);
}

/** The relevance page [offset, offset + limit) of `matches`, every one of them scored. */
export function rankedPage(
  sqlite: Database,
  score: RankScore,
  matches: readonly number[],
  limit: number,
  offset: number,
): number[] {
  const sql =
    `SELECT r.id AS id, ${score.sql} AS score, r.created_at AS created ` +
    'FROM json_each(?) j JOIN recordings r ON r.id = j.value ' +
    'ORDER BY score DESC, created DESC, id DESC LIMIT ?';
  return (
    cachedStatement(sqlite, sql)
      .pluck()
      .all(...score.params, JSON.stringify(matches), offset + limit) as number[]
  ).slice(offset);
}

/**
 * The relevance page [offset, offset + limit) of `matches` (every match, ascending) scored by `score`,
 * reading the rows of only the matches whose bounds may put them on it (see the top of this file).
 */
export function candidatePage(
  sqlite: Database,
  score: RankScore,
  matches: readonly number[],
  limit: number,
  offset: number,
  /** Other limits than the search's (tests walk every level, or stop a walk short). */
  limits = WALK_LIMITS,
  /** Where the matches that may make the page are scored and the newest recordings listed: SQLite by default. */
  reads: PageReads = sqlReads(sqlite, score),
): number[] {
  const bounds = upperBounds(sqlite, score, matches);
  return pageFromBounds(reads, matches, bounds, offset + limit, limits).slice(offset);
}
