// Running a search against an account's cache.
//
// A search with words is one pass over its matches: FTS5 finds them (type:, platform: and has: included,
// see facets.ts), `recordings` filters them (the other qualifiers), SQLite sorts them (relevance: rank.ts)
// and only the page's ids come back. With qualifiers the same statement counts them; otherwise the count
// comes from the index alone. A relevance page is found faster from the list of the matches where it
// can be: from bounds in the relevance index for a broad word (candidates.ts), from the rank columns in
// memory for the others, qualified ones included (rank-columns.ts). The page's list columns and snippets
// (highlight.ts) are then read for those ids only. Each further pass over the matches (bm25's per-word
// document counts, FTS5 snippets) cost about as much as the search itself on a large cache.
//
// Counting: `total` is exact unless the request caps it (countUpTo): the CLI reports it, and the
// interface sizes its (virtualised) result list by it, asking for a broad word's first page with a
// capped count ("10,000+"), then for the exact number. A word of three letters or more is counted
// exactly anyway, and so is a query with qualifiers when the rank columns are in memory: the pass that
// finds its page lists every match (rankedFromMatches).
import type { Database } from 'better-sqlite3';
import type { AndNode } from './ast';
import { INDEX_MATCH, candidatePage, matchIds, rankedPage, trigrams } from './candidates';
import type { CompiledQuery, SqlParam } from './compile';
import { compileQuery } from './compile';
import { pageSnippets } from './page-snippets';
import type { HitRow, SearchHit } from './hits';
import { HIT_COLUMNS, toHit } from './hits';
import { parseQuery } from './parse';
import { prefixTerms } from './prefix-terms';
import { currentRankColumns } from './rank-columns';
import { comparableTerms, memoryReads, rankedInMemory } from './ranked-in-memory';
import { rankScore } from './rank';
import { cachedStatement } from './statements';

/** Result orders. Relevance is the default when the query has words, newest otherwise. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest', 'longest'] as const;
/** One of SEARCH_SORTS. */
export type SearchSort = (typeof SEARCH_SORTS)[number];
/** Page size when none is asked for. */
export const DEFAULT_LIMIT = 50;
/** Largest page size served. */
export const MAX_LIMIT = 1000;

/** What to search for, in which order, which page. */
export interface SearchRequest {
  query: string;
  sort?: SearchSort;
  limit?: number;
  offset?: number;
  /** The IANA zone whose days `created:` means (the app's); default: this process's zone. */
  timeZone?: string;
  /**
   * Count at most this many matches (`total` is then this number and `totalExact` false): the first page
   * as you type need not wait for counting a huge match set. Default: an exact count. A count that costs
   * nothing more is exact anyway.
   */
  countUpTo?: number;
}

/** A page of results and the number of all matches. */
export interface SearchResponse {
  /** Number of matches; with `totalExact` false, only that there are at least this many. */
  total: number;
  /** False when counting stopped at the request's `countUpTo`. */
  totalExact: boolean;
  results: SearchHit[];
  /** The order actually applied (relevance falls back to newest without words). */
  sort: SearchSort;
  /** The parsed query, for showing what was understood. */
  query: AndNode;
  /** Why nothing can match, to show under the search box ("Nothing to search for in …"); else null. */
  reason: string | null;
}

const FTS_JOIN = 'recordings_fts JOIN recordings r ON r.id = recordings_fts.rowid';
// The same join through the filter index (drizzle/0016_recordings_filter_index.sql): for conditions that
// read only what it holds, and for a statement that reads nothing else of a match (a count, the sort
// keys of newest, oldest or longest). Looking a match up in that small index costs a fraction of looking
// up its row (the rows hold titles and summaries, 40 MB on 100,000 demo recordings against 2 MB); a row
// is then read only for a match the conditions keep, and only when the statement needs more than the
// index holds (a relevance score). SQLite's planner looks rows up by their key on its own, hence INDEXED
// BY. Measured there: "upload s duration:<120" (9,826 matches, 2,092 kept) counted in 4.3 ms instead of
// 8.4, the whole search about a sixth faster.
const FILTER_INDEX = 'recordings_filter_idx';
const FTS_JOIN_FILTERED = `recordings_fts JOIN recordings r INDEXED BY ${FILTER_INDEX} ON r.id = recordings_fts.rowid`;

// Each order as the sort keys it selects (aliases, so a page can also be sorted from a materialized list of
// matches) and the ORDER BY over them; `id` is always r.id.
const SORT_KEYS: Record<Exclude<SearchSort, 'relevance'>, { select: string; order: string }> = {
  // DESC puts NULLs last by itself, and (created_at, rowid) is exactly what the index holds.
  newest: { select: 'r.created_at AS created', order: 'created DESC, id DESC' },
  // NULLS LAST spelled out (not `created_at IS NULL, …`): SQLite still walks the index for it.
  oldest: { select: 'r.created_at AS created', order: 'created ASC NULLS LAST, id ASC' },
  longest: { select: 'r.duration AS duration', order: 'duration DESC, id DESC' },
};

function clampInt(v: unknown, min: number, max: number, fallback: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(v)));
}

function effectiveSort(requested: unknown, q: CompiledQuery): SearchSort {
  const known = (SEARCH_SORTS as readonly unknown[]).includes(requested)
    ? (requested as SearchSort)
    : undefined;
  if (known === undefined) return q.hasWords ? 'relevance' : 'newest';
  // Relevance needs an FTS match to rank (a `customer:` qualifier alone is one, and may be ranked).
  return known === 'relevance' && q.match === null ? 'newest' : known;
}

const filterIndexOf = new WeakMap<Database, boolean>();

/**
 * Whether the cache has the filter index: every cache the app opens does (it migrates first), but a
 * search of a cache at an older layout (the migration tests, a copy opened by hand) still answers, the
 * slower way, rather than fail on INDEXED BY. Asked once per connection.
 */
function hasFilterIndex(sqlite: Database): boolean {
  let has = filterIndexOf.get(sqlite);
  if (has === undefined) {
    has =
      sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(FILTER_INDEX) !==
      undefined;
    filterIndexOf.set(sqlite, has);
  }
  return has;
}

/**
 * FROM … WHERE … of a compiled query, with its parameters. `scored`: the statement reads each match's
 * relevance score, that is its row (then the filter index pays only when conditions drop matches first).
 */
function fromWhere(sqlite: Database, q: CompiledQuery, scored: boolean): { sql: string; params: SqlParam[] } {
  const conditions = q.match === null ? q.where : ['recordings_fts MATCH ?', ...q.where];
  const params = q.match === null ? q.params : [q.match, ...q.params];
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const throughIndex = q.narrowWhere && (q.where.length > 0 || !scored) && hasFilterIndex(sqlite);
  const join = throughIndex ? FTS_JOIN_FILTERED : FTS_JOIN;
  return { sql: `FROM ${q.match === null ? 'recordings r' : join}${where}`, params };
}

/** The sort keys of an order (with the parameters of the select list) and the ORDER BY over them. */
function sortKeys(
  q: CompiledQuery,
  sort: SearchSort,
): { select: string; params: SqlParam[]; order: string; scored: boolean } {
  if (sort !== 'relevance') return { ...SORT_KEYS[sort], params: [], scored: false };
  // Not a constant when there is nothing to score: `ORDER BY 0` would mean "by result column 0".
  const score = rankScore(q.rankTerms);
  if (score === null) return { ...SORT_KEYS.newest, params: [], scored: false };
  return {
    select: `${score.sql} AS score, ${SORT_KEYS.newest.select}`,
    params: score.params,
    order: `score DESC, ${SORT_KEYS.newest.order}`,
    scored: true,
  };
}

/**
 * Counts the matches, up to `upTo` when given; without qualifiers answered in SQL, from the index alone
 * (no join), and so are qualifiers of facets alone (CompiledQuery.facetCount). Counting the 97,583
 * matches of "c" on 100,000 recordings takes about 6 ms, 10,001 of them about 2 ms.
 */
function countMatches(
  sqlite: Database,
  q: CompiledQuery,
  upTo: number | null,
): { total: number; exact: boolean } {
  if (q.facetCount?.excluding === true) {
    // Every recording (SQLite counts them from its smallest index) but those excluded: exact at once.
    const all = cachedStatement(sqlite, 'SELECT count(*) FROM recordings').pluck().get() as number;
    const excluded = cachedStatement(sqlite, `SELECT count(*) ${INDEX_MATCH}`)
      .pluck()
      .get(q.facetCount.match) as number;
    return { total: all - excluded, exact: true };
  }
  // The whole cache SQLite counts cheaply: the list of everything never says "10,000+".
  const cap = q.match === null && q.where.length === 0 ? null : upTo;
  const base =
    q.facetCount !== null
      ? { sql: INDEX_MATCH, params: [q.facetCount.match] }
      : q.match !== null && q.where.length === 0
        ? { sql: INDEX_MATCH, params: [q.match] }
        : fromWhere(sqlite, q, false);
  if (cap === null) {
    const total = cachedStatement(sqlite, `SELECT count(*) ${base.sql}`)
      .pluck()
      .get(...base.params) as number;
    return { total, exact: true };
  }
  const n = cachedStatement(sqlite, `SELECT count(*) FROM (SELECT 1 ${base.sql} LIMIT ?)`)
    .pluck()
    .get(...base.params, cap + 1) as number;
  return n > cap ? { total: cap, exact: false } : { total: n, exact: true };
}

// How many of the newest recordings a relevance page is first looked for in (topScoredIds). Looking costs
// a score per recording of the window and an index probe per best-scored one: 1-3 ms on 100,000
// recordings when the page is not there, against the tens of milliseconds of ranking every match of a
// broad word. So it is tried only for a match set at least BROAD_MATCHES large, whose full ranking costs
// more than a failed look (about a microsecond per match); so are the bounds of candidates.ts, whose
// queries of the relevance index (two a word) cost 0.3-2 ms each.
const TOP_WINDOW = 4000;
const BROAD_MATCHES = 5000;
// When the window holds some matches of the best score but not a page of them, it is looked in once more,
// made as large as the page needs at the density just seen, with a margin, if that is at most
// TOP_WINDOW_MAX. Measured on 100,000 recordings of the demo's own data ("Try demo data", seed 1): the
// newest 4,000 hold 44 matches of "ch" in both title and summary, fewer than a page of 50, and ranking
// every one of its 50,875 matches instead took 22 ms p50.
const TOP_WINDOW_MAX = 32_768;
const TOP_WINDOW_MARGIN = 1.5;

/**
 * The ids of a relevance page found among the newest recordings alone, or null when it is not there.
 * Ranking every match is what a broad word costs (31,639 matches for "error" on 100,000 recordings:
 * each is joined to its row and scored before the first page shows). But a page of matches that all
 * have the best score there is (every word in the title and in the summary) is exact without looking
 * further: no match scores higher, and equal scores are ordered newest first, so any match older than
 * the window comes after them. One- and two-letter words ("c", "ch", the word being typed) are in most
 * titles and summaries, so their first pages are found here (longer words through the relevance index,
 * candidates.ts). With conditions on `r` the statement that ranks every match also counts them; the
 * count without is from the index alone.
 */
function topScoredIds(sqlite: Database, q: CompiledQuery, limit: number, offset: number): number[] | null {
  const score = rankScore(q.rankTerms);
  const wanted = offset + limit;
  if (q.match === null || q.where.length > 0 || score === null || wanted > TOP_WINDOW) return null;
  const { select, order } = SORT_KEYS.newest;
  const newest = `SELECT r.id AS id, ${select}, ${score.sql} AS score FROM recordings r ORDER BY ${order} LIMIT ?`;
  const sql =
    `SELECT id FROM (${newest}) w WHERE score = ? AND ` +
    `EXISTS (SELECT 1 FROM recordings_fts WHERE recordings_fts MATCH ? AND rowid = w.id) ` +
    // Spelled out: SQL does not promise that a filter keeps its subquery's order.
    `ORDER BY ${order} LIMIT ?`;
  const look = (window: number): number[] =>
    cachedStatement(sqlite, sql)
      .pluck()
      .all(...score.params, window, score.best, q.match, wanted) as number[];
  let ids = look(TOP_WINDOW);
  if (ids.length > 0 && ids.length < wanted) {
    const window = Math.ceil(((TOP_WINDOW * wanted) / ids.length) * TOP_WINDOW_MARGIN);
    if (window <= TOP_WINDOW_MAX) ids = look(window);
  }
  return ids.length === wanted ? ids.slice(offset) : null;
}

/** The ids of one page, in order, and the number of all matches when the same statement could tell. */
function pageIds(
  sqlite: Database,
  q: CompiledQuery,
  sort: SearchSort,
  limit: number,
  offset: number,
  /** The number of matches when already counted (possibly capped), else null. */
  counted: number | null,
): { ids: number[]; total: number | null } {
  const broad = counted !== null && counted >= BROAD_MATCHES;
  const top = sort === 'relevance' && broad ? topScoredIds(sqlite, q, limit, offset) : null;
  if (top !== null) return { ids: top, total: null };
  const keys = sortKeys(q, sort);
  const base = fromWhere(sqlite, q, keys.scored);
  const params = [...keys.params, ...base.params, limit, offset];
  const matches = `SELECT r.id AS id, ${keys.select} ${base.sql}`;
  // With qualifiers the matches are few enough to keep once, with their sort keys, and to count and sort
  // from there (cheaper than a window count, which copies every row again, and than a second pass over
  // the index). Otherwise the count is its own statement: from the index alone with words (a broad word
  // matches too many rows to keep), from an index without (where the page itself stops early).
  if (q.match !== null && q.filtered) {
    const sql =
      `WITH hits AS MATERIALIZED (${matches}) ` +
      `SELECT id, (SELECT count(*) FROM hits) FROM hits ORDER BY ${keys.order} LIMIT ? OFFSET ?`;
    const rows = cachedStatement(sqlite, sql)
      .raw()
      .all(...params) as [number, number][];
    const ids = rows.map((r) => r[0]);
    return { ids, total: rows[0]?.[1] ?? (offset === 0 ? 0 : null) };
  }
  const ids = cachedStatement(sqlite, `${matches} ORDER BY ${keys.order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...params) as number[];
  if (ids.length === 0) return { ids, total: offset === 0 ? 0 : null };
  return { ids, total: ids.length < limit ? offset + ids.length : null };
}

/**
 * A relevance page of a query whose matches are listed first (one pass over the main index), with their
 * exact count, or null for any other query. From the listed matches: the page of a broad word (at least
 * BROAD_MATCHES matches, no conditions on `r`: facet qualifiers are in the match) from bounds on their
 * scores in the relevance index (candidates.ts); any other page from the rank columns in memory when they
 * are there (ranked-in-memory.ts: conditions of times and durations only), else, without conditions on
 * `r`, from every match scored in SQL. The other queries are ranked by SQL alone (pageIds): conditions
 * of other kinds, and one- or two-letter words alone, whose pages are found among the newest recordings
 * (topScoredIds) without listing their tens of thousands of matches.
 */
function rankedFromMatches(
  sqlite: Database,
  q: CompiledQuery,
  limit: number,
  offset: number,
): { counted: { total: number; exact: boolean }; ids: number[] } | null {
  const score = rankScore(q.rankTerms);
  if (q.match === null || score === null) return null;
  const long = score.terms.some((t) => trigrams(t) !== null);
  if (!long && !q.filtered) return null;
  const columns = q.ranges !== null && comparableTerms(score) ? currentRankColumns(sqlite) : null;
  if (columns === null && (q.where.length > 0 || !long)) return null;
  const matches = matchIds(sqlite, q.match);
  // Exact whatever cap was asked for: the list of every match is already there, and an exact count
  // spares the interface its second request for the number.
  const counted = (total: number): { total: number; exact: boolean } => ({ total, exact: true });
  if (q.where.length === 0 && long && matches.length >= BROAD_MATCHES) {
    const reads = columns ? memoryReads(columns, score) : undefined;
    const ids = candidatePage(sqlite, score, matches, limit, offset, undefined, reads);
    return { counted: counted(matches.length), ids };
  }
  const page = columns && rankedInMemory(columns, score, q.ranges ?? [], matches, limit, offset);
  if (page) return { counted: counted(page.total), ids: page.ids };
  if (q.where.length > 0) return null;
  return { counted: counted(matches.length), ids: rankedPage(sqlite, score, matches, limit, offset) };
}

/** The list rows of `ids`, in that order. */
function hitRows(sqlite: Database, ids: readonly number[]): HitRow[] {
  if (ids.length === 0) return [];
  const sql = `SELECT ${HIT_COLUMNS} FROM recordings r WHERE r.id IN (SELECT value FROM json_each(?))`;
  const rows = cachedStatement(sqlite, sql).all(JSON.stringify(ids)) as HitRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Searches one account's cache. Any query string is accepted; a query never throws for its content. */
export function searchRecordings(adb: { readonly sqlite: Database }, req: SearchRequest): SearchResponse {
  const { sqlite } = adb;
  const query = parseQuery(typeof req.query === 'string' ? req.query : '', { timeZone: req.timeZone });
  const compiled = compileQuery(query, prefixTerms(sqlite));
  const sort = effectiveSort(req.sort, compiled);
  const limit = clampInt(req.limit, 0, MAX_LIMIT, DEFAULT_LIMIT);
  const offset = clampInt(req.offset, 0, Number.MAX_SAFE_INTEGER, 0);
  const countUpTo =
    req.countUpTo === undefined ? null : clampInt(req.countUpTo, 1, Number.MAX_SAFE_INTEGER, 1);
  if (compiled.nothing !== null) {
    return { total: 0, totalExact: true, results: [], sort, query, reason: compiled.nothing };
  }

  // Words of three characters or more, and qualified queries while the rank columns are in memory:
  // ranked from the list of their matches, counted by it (rankedFromMatches).
  const ranked =
    limit > 0 && sort === 'relevance' ? rankedFromMatches(sqlite, compiled, limit, offset) : null;
  // Other words without qualifiers are counted from the index alone, and first: the count tells whether
  // the matches are many enough to look for the page among the newest recordings first (topScoredIds).
  // With qualifiers the statement ranking every match counts them in the same pass.
  const early =
    ranked?.counted ??
    (compiled.match !== null && !compiled.filtered && limit > 0 && sort === 'relevance'
      ? countMatches(sqlite, compiled, countUpTo)
      : null);
  const page =
    limit === 0
      ? { ids: [], total: null }
      : ranked
        ? { ids: ranked.ids, total: null }
        : pageIds(sqlite, compiled, sort, limit, offset, early?.total ?? null);
  const rows = hitRows(sqlite, page.ids);
  const snippets = compiled.match === null ? new Map() : pageSnippets(sqlite, rows, compiled.highlights);
  const counted =
    early ??
    (page.total === null ? countMatches(sqlite, compiled, countUpTo) : { total: page.total, exact: true });
  return {
    total: counted.total,
    totalExact: counted.exact,
    results: rows.map((r) => toHit(r, snippets.get(r.id) ?? null)),
    sort,
    query,
    reason: null,
  };
}
