// From query tree to SQL. The output holds SQL text written here and values bound as parameters: nothing
// the user typed is ever spliced into SQL or interpreted as FTS5 syntax (see fts.ts).
//
// Rows are addressed as `r` (recordings); when `match` is set the caller joins recordings_fts on
// r.id = recordings_fts.rowid and adds `recordings_fts MATCH ?` with `match` as its first parameter.
import type { AndNode, FilterNode, LeafNode, Range } from './ast';
import { facetTerm, isFacetFilter } from './facets';
import type { FtsColumn } from './fts';
import { cjkFtsString, cjkTokens } from './cjk';
import { MIN_PREFIX_CHARS, ftsAny, ftsColumnString, ftsExpression, ftsString, isSearchable } from './fts';
import type { HighlightTerm } from './highlight';
import { foldedTokens } from './highlight';
import type { PrefixTerms } from './prefix-terms';

/** A bound parameter. */
export type SqlParam = string | number;

/** A query ready to run: an optional FTS5 expression plus SQL conditions with their parameters. */
export interface CompiledQuery {
  /** FTS5 expression for the positive text and column qualifiers (ranked, highlighted); null when none. */
  match: string | null;
  /** The query has free-text words (not only qualifiers): relevance is then the default order. */
  hasWords: boolean;
  /** Conditions on `r`, all of which must hold; each evaluates to 0 or 1, never NULL. */
  where: string[];
  /** Qualifiers filter the matches (in SQL or as facet terms in `match`), beyond words and people. */
  filtered: boolean;
  /**
   * Every condition in `where` reads only what the filter index holds (id, created_at, duration; see
   * drizzle/0016_recordings_filter_index.sql): the matches can be filtered through it.
   */
  narrowWhere: boolean;
  /** Parameters of `where`, in order. */
  params: SqlParam[];
  /**
   * For a query without `match` whose conditions are all facet qualifiers (type:, platform:, has:), the
   * same conditions as an FTS5 expression over the facet tokens, to count the matches by (see
   * FacetCount); null otherwise.
   */
  facetCount: FacetCount | null;
  /**
   * `where` as ranges over the columns the relevance page reads in memory (rank-columns.ts), one per
   * condition, in the same order; null when some condition is of another kind.
   */
  ranges: RangeCondition[] | null;
  /** What to highlight in snippets: the positive words, phrases and `customer:`/`user:` values. */
  highlights: HighlightTerm[];
  /** The positive words and phrases as typed, for ranking (see rank.ts). */
  rankTerms: string[];
  /**
   * Why the query matches nothing without looking: all it asks for is text without a letter or digit
   * (emoji, punctuation), which no recording can contain as a word. Null otherwise.
   */
  nothing: string | null;
}

/**
 * How to count a query of facet qualifiers from the index: the recordings `match` matches, or, for
 * exclusions only (`excluding`: FTS5 has no unary NOT), every recording but those. SQL answers the same
 * conditions by reading every row (about 17 ms for "type:live -platform:jira" on 100,000 demo
 * recordings, against 2 ms from the facet tokens): the stored type and platform are the API's own
 * values (src/main/db/extract.ts) and each facet token is made from them, so both say the same.
 */
export interface FacetCount {
  match: string;
  excluding: boolean;
}

/** Escapes LIKE wildcards so user text matches literally (with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A `created:` or `duration:` condition: the column's value is known and in the range (or, negated, not). */
export interface RangeCondition {
  column: 'created' | 'duration';
  range: Range;
  negated: boolean;
}

interface Condition {
  sql: string;
  params: SqlParam[];
  /** It reads only columns the filter index holds (CompiledQuery.narrowWhere). */
  narrow?: boolean;
  /** The condition as a range (CompiledQuery.ranges). */
  range?: Omit<RangeCondition, 'negated'>;
}

// "col IS NOT NULL AND …" keeps every condition two-valued, so NOT(condition) also selects rows where the
// column is NULL (e.g. `-type:live` keeps recordings of unknown type) and indexes stay usable.
function rangeCondition(key: RangeCondition['column'], range: Range): Condition {
  const column = key === 'created' ? 'r.created_at' : 'r.duration';
  const parts = [`${column} IS NOT NULL`];
  const params: SqlParam[] = [];
  const add = (op: string, v: number | undefined): void => {
    if (v === undefined) return;
    parts.push(`${column} ${op} ?`);
    params.push(v);
  };
  add('>', range.gt);
  add('>=', range.gte);
  add('<', range.lt);
  add('<=', range.lte);
  return { sql: `(${parts.join(' AND ')})`, params, narrow: true, range: { column: key, range } };
}

function likeCondition(column: string, pattern: string): Condition {
  return { sql: `(${column} IS NOT NULL AND ${column} LIKE ? ESCAPE '\\')`, params: [pattern] };
}

/** The SQL condition for one qualifier answered by SQL (all but customer: and user:). */
function filterCondition(f: Exclude<FilterNode, { kind: 'customer' | 'user' }>): Condition {
  switch (f.kind) {
    case 'type':
      return { sql: 'r.recording_type IS ?', params: [f.value] };
    case 'platform':
      return { sql: 'r.platform IS ?', params: [f.value] };
    case 'source':
      return likeCondition('r.source', `${escapeLike(f.value)}%`);
    case 'ticket':
      return {
        sql: 'r.id IN (SELECT recording_id FROM recording_tickets WHERE ticket_id = ?)',
        params: [f.value],
        narrow: true,
      };
    case 'created':
      return rangeCondition('created', f.range);
    case 'duration':
      return rangeCondition('duration', f.range);
    case 'has':
      return { sql: f.value === 'logs' ? 'r.has_logs = 1' : 'r.has_summary = 1', params: [] };
    case 'is':
      return {
        sql: "EXISTS (SELECT 1 FROM outbox o WHERE o.uuid = r.uuid AND o.status <> 'done')",
        params: [],
      };
  }
}

/** What the search box says for text with nothing searchable (see CompiledQuery.nothing). */
function nothingToSearchFor(texts: readonly string[]): string {
  return `Nothing to search for in “${texts.join(' ')}”: use letters or digits`;
}

/** The position of the word being typed: the last positive, searchable word (not a phrase), or -1. */
function lastWordIndex(query: AndNode): number {
  return query.children.findLastIndex((n) => n.kind === 'text' && !n.phrase && isSearchable(n.text));
}

/**
 * Compiles a parsed query. Text without searchable characters is dropped next to searchable text or
 * exclusions; when it is all the query asks for beyond qualifiers, the query matches nothing (`nothing`).
 * `expand` lists the index terms of a word's prefix, to ask for them by name (prefix-terms.ts).
 */
export function compileQuery(query: AndNode, expand?: PrefixTerms): CompiledQuery {
  const must: string[] = [];
  const mustNot: string[] = [];
  const where: string[] = [];
  const params: SqlParam[] = [];
  let narrowWhere = true;
  let ranges: RangeCondition[] | null = [];
  // The conditions in `where` as facet terms while every one of them is a facet qualifier.
  let facetWhere: { must: string[]; mustNot: string[] } | null = { must: [], mustNot: [] };
  const highlights: HighlightTerm[] = [];
  const rankTerms: string[] = [];
  // Facet terms narrow a match; without one (qualifiers alone) SQL and its indexes answer them.
  const useFacets = query.children.some((n) => n.kind !== 'not' && leafFts(n, MIN_PREFIX_CHARS) !== null);
  let facets = 0;
  let hasWords = false;
  const unsearchable: string[] = [];
  const last = lastWordIndex(query);
  for (const [index, node] of query.children.entries()) {
    const negated = node.kind === 'not';
    const leaf = node.kind === 'not' ? node.child : node;
    if (leaf.kind === 'text' || leaf.kind === 'customer' || leaf.kind === 'user') {
      const minPrefix = index === last ? 1 : MIN_PREFIX_CHARS;
      const s = leafFts(leaf, minPrefix, expand);
      if (s === null) {
        unsearchable.push(leaf.kind === 'text' ? leaf.text : `${leaf.kind}:${leaf.value}`);
        continue;
      }
      (negated ? mustNot : must).push(s);
      if (negated) continue;
      if (leaf.kind === 'text') {
        hasWords = true;
        highlights.push(highlightTerm(leaf.text, !leaf.phrase, minPrefix));
        rankTerms.push(leaf.text);
      } else {
        highlights.push({ ...highlightTerm(leaf.value, true), column: peopleColumn(leaf.kind) });
      }
      continue;
    }
    if (useFacets && isFacetFilter(leaf)) {
      (negated ? mustNot : must).push(facetTerm(leaf));
      facets++;
      continue;
    }
    if (facetWhere !== null && isFacetFilter(leaf))
      (negated ? facetWhere.mustNot : facetWhere.must).push(facetTerm(leaf));
    else facetWhere = null;
    const c = filterCondition(leaf);
    where.push(negated ? `NOT (${c.sql})` : c.sql);
    params.push(...c.params);
    narrowWhere &&= c.narrow === true;
    if (ranges !== null) ranges = c.range ? [...ranges, { ...c.range, negated }] : null;
  }
  const match = ftsExpression(must, mustNot);
  if (match === null && mustNot.length > 0) {
    // Only exclusions: FTS5 has no unary NOT, so exclude the rows matching any of them.
    where.push('r.id NOT IN (SELECT rowid FROM recordings_fts WHERE recordings_fts MATCH ?)');
    params.push(ftsAny(mustNot) ?? '');
    ranges = null;
    facetWhere = null;
  }
  const filtered = where.length > 0 || facets > 0;
  // Searchable text next to it ("🙂 checkout", "error -🙂") is what the user meant. Alone, included or
  // excluded, it can only be a mistake: say so rather than list every recording.
  const nothing =
    unsearchable.length > 0 && must.length === 0 && mustNot.length === 0
      ? nothingToSearchFor(unsearchable)
      : null;
  return {
    match,
    hasWords,
    where,
    filtered,
    narrowWhere,
    params,
    facetCount: match === null && where.length > 0 && facetWhere ? facetCountOf(facetWhere) : null,
    ranges,
    highlights,
    rankTerms,
    nothing,
  };
}

/** The FacetCount of facet terms that must and must not hold (at least one of them). */
function facetCountOf({ must, mustNot }: { must: string[]; mustNot: string[] }): FacetCount | null {
  const match = ftsExpression(must, mustNot);
  if (match !== null) return { match, excluding: false };
  const any = ftsAny(mustNot);
  return any === null ? null : { match: any, excluding: true };
}

/** The index column of a people qualifier. */
function peopleColumn(kind: 'customer' | 'user'): FtsColumn {
  return kind === 'customer' ? 'customer' : 'agent';
}

/**
 * The FTS5 string a leaf adds to the match when it is text or a people qualifier; null otherwise, or
 * when it holds nothing searchable. People qualifiers are answered by the index: token-prefix matching,
 * case- and accent-insensitive ("zoe" finds "zoë.martin@acme.com", so does "acme.com"). Text of CJK
 * characters only is found anywhere inside a word (cjk.ts). A word is a prefix from `minPrefix` letters.
 */
function leafFts(leaf: LeafNode, minPrefix: number, expand?: PrefixTerms): string | null {
  if (leaf.kind === 'text') {
    const cjk = cjkTokens(leaf.text);
    if (cjk !== null) return cjkFtsString(cjk, !leaf.phrase);
    return ftsString(leaf.text, !leaf.phrase, minPrefix, expand);
  }
  if (leaf.kind === 'customer' || leaf.kind === 'user')
    return ftsColumnString(peopleColumn(leaf.kind), leaf.value);
  return null;
}

/** The highlight form of a word (prefix-matched as the index matches it, see fts.ts) or a phrase. */
function highlightTerm(text: string, word: boolean, minPrefix = MIN_PREFIX_CHARS): HighlightTerm {
  // CJK text matches inside words (cjk.ts), as typed: the highlight marks just those characters.
  const cjk = cjkTokens(text);
  if (cjk !== null) return { tokens: cjk, prefix: true, inside: true };
  const tokens = foldedTokens(text);
  const last = tokens.at(-1) ?? '';
  return { tokens, prefix: word && [...last].length >= minPrefix };
}
