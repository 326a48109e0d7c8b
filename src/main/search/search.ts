// Running a search against an account's cache.
//
// Relevance (the default with words) is one statement: FTS5 sorts its matches by bm25 itself (ORDER BY
// rank, consumed by the virtual table), so the join, the filters and snippet() run only for the rows
// actually returned. The other orders sort on `recordings` columns and take the page's snippets in a
// second pass over the match (one FTS5 scan; asking FTS5 per rowid re-expands prefix terms every time).
//
// Counting: `total` is exact, because the interface sizes its (virtualised) result list by it and the
// CLI reports it; a page that is not full gives it without a count.
import type { Database } from 'better-sqlite3';
import type { AndNode } from './ast';
import type { CompiledQuery, SqlParam } from './compile';
import { compileQuery } from './compile';
import type { HitRow, SearchHit } from './hits';
import { HIT_COLUMNS, toHit } from './hits';
import { SNIPPET_ELLIPSIS, SNIPPET_MARK_END, SNIPPET_MARK_START } from './markers';
import { parseQuery } from './parse';
import { cachedStatement } from './statements';

/** Result orders. Relevance is the default when the query has words, newest otherwise. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest', 'longest'] as const;
/** One of SEARCH_SORTS. */
export type SearchSort = (typeof SEARCH_SORTS)[number];
/** Page size when none is asked for. */
export const DEFAULT_LIMIT = 50;
/** Largest page size served. */
export const MAX_LIMIT = 1000;
/**
 * bm25 weights of the FTS columns, in table order (title, summary, description, customer, agent, details,
 * logs): a title hit counts ten times a console-log hit.
 */
export const BM25_WEIGHTS = [10, 5, 4, 3, 3, 2, 1] as const;
/** How many tokens a snippet holds at most. */
export const SNIPPET_TOKENS = 16;

/** What to search for, in which order, which page. */
export interface SearchRequest {
  query: string;
  sort?: SearchSort;
  limit?: number;
  offset?: number;
}

/** A page of results and the number of all matches. */
export interface SearchResponse {
  /** Number of matches. */
  total: number;
  results: SearchHit[];
  /** The order actually applied (relevance falls back to newest without words). */
  sort: SearchSort;
  /** The parsed query, for showing what was understood. */
  query: AndNode;
}

const FTS_JOIN = 'recordings_fts JOIN recordings r ON r.id = recordings_fts.rowid';
// A literal built from constants: the rank function is code, never user input.
const RANK = `recordings_fts.rank MATCH 'bm25(${BM25_WEIGHTS.map((w) => w.toFixed(1)).join(', ')})'`;
const FTS_COLUMNS = BM25_WEIGHTS.length;
const sqlChar = (c: string): string => `char(${c.codePointAt(0) ?? 0})`;
const snippetOf = (column: number): string =>
  `snippet(recordings_fts, ${column}, ${sqlChar(SNIPPET_MARK_START)}, ${sqlChar(SNIPPET_MARK_END)}, ` +
  `${sqlChar(SNIPPET_ELLIPSIS)}, ${SNIPPET_TOKENS})`;
// The snippet of the first column, in weight order, that holds a match. Not snippet(…, -1, …): choosing
// the column itself, FTS5 tokenizes every column of every hit, console logs of a hundred kilobytes
// included; here the logs are only tokenized when nothing else matched.
const SNIPPET =
  'CASE ' +
  Array.from(
    { length: FTS_COLUMNS - 1 },
    (_, i) => `WHEN instr(${snippetOf(i)}, ${sqlChar(SNIPPET_MARK_START)}) > 0 THEN ${snippetOf(i)}`,
  ).join(' ') +
  ` ELSE ${snippetOf(FTS_COLUMNS - 1)} END`;

const ORDER_BY: Record<Exclude<SearchSort, 'relevance'>, string> = {
  // DESC puts NULLs last by itself, and (created_at, rowid) is exactly what the index holds.
  newest: 'r.created_at DESC, r.id DESC',
  // NULLS LAST spelled out (not `created_at IS NULL, …`): SQLite still walks the index for it.
  oldest: 'r.created_at ASC NULLS LAST, r.id ASC',
  longest: 'r.duration DESC, r.id DESC',
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

/** FROM … WHERE … of a compiled query, with its parameters. */
function fromWhere(q: CompiledQuery): { sql: string; params: SqlParam[] } {
  const conditions = q.match === null ? q.where : ['recordings_fts MATCH ?', ...q.where];
  const params = q.match === null ? q.params : [q.match, ...q.params];
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  return { sql: `FROM ${q.match === null ? 'recordings r' : FTS_JOIN}${where}`, params };
}

/** Counts every match. */
function countMatches(sqlite: Database, q: CompiledQuery): number {
  const base = fromWhere(q);
  return cachedStatement(sqlite, `SELECT count(*) ${base.sql}`)
    .pluck()
    .get(...base.params) as number;
}

/** The page, ranked by bm25 inside FTS5, with snippets, in one statement. */
function relevancePage(sqlite: Database, q: CompiledQuery, limit: number, offset: number): HitRow[] {
  const where = ['recordings_fts MATCH ?', RANK, ...q.where].join(' AND ');
  const sql = `SELECT ${HIT_COLUMNS}, ${SNIPPET} AS snippet FROM ${FTS_JOIN} WHERE ${where} ORDER BY rank LIMIT ? OFFSET ?`;
  return cachedStatement(sqlite, sql).all(q.match, ...q.params, limit, offset) as HitRow[];
}

/** The page in a column order; snippets (when there are words) from one extra pass over the match. */
function sortedPage(
  sqlite: Database,
  q: CompiledQuery,
  sort: keyof typeof ORDER_BY,
  limit: number,
  offset: number,
): HitRow[] {
  const base = fromWhere(q);
  const sql = `SELECT ${HIT_COLUMNS}, NULL AS snippet ${base.sql} ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`;
  const rows = cachedStatement(sqlite, sql).all(...base.params, limit, offset) as HitRow[];
  if (q.match === null || rows.length === 0) return rows;
  // `+rowid` keeps the id list away from FTS5, which would otherwise re-run the match once per id.
  const snippetSql =
    `SELECT rowid AS id, ${SNIPPET} AS snippet FROM recordings_fts ` +
    'WHERE recordings_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))';
  const found = cachedStatement(sqlite, snippetSql).all(q.match, JSON.stringify(rows.map((r) => r.id))) as {
    id: number;
    snippet: string | null;
  }[];
  const snippets = new Map(found.map((f) => [f.id, f.snippet]));
  return rows.map((r) => ({ ...r, snippet: snippets.get(r.id) ?? null }));
}

/** Searches one account's cache. Any query string is accepted; a query never throws for its content. */
export function searchRecordings(adb: { readonly sqlite: Database }, req: SearchRequest): SearchResponse {
  const { sqlite } = adb;
  const query = parseQuery(typeof req.query === 'string' ? req.query : '');
  const compiled = compileQuery(query);
  const sort = effectiveSort(req.sort, compiled);
  const limit = clampInt(req.limit, 0, MAX_LIMIT, DEFAULT_LIMIT);
  const offset = clampInt(req.offset, 0, Number.MAX_SAFE_INTEGER, 0);

  const rows =
    limit === 0
      ? []
      : sort === 'relevance'
        ? relevancePage(sqlite, compiled, limit, offset)
        : sortedPage(sqlite, compiled, sort, limit, offset);
  // A page that is not full ends the result: its position gives the total without counting.
  const total =
    rows.length > 0 && rows.length < limit
      ? offset + rows.length
      : rows.length === 0 && offset === 0 && limit > 0
        ? 0
        : countMatches(sqlite, compiled);
  return { total, results: rows.map(toHit), sort, query };
}
