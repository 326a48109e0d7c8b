// A relevance page from the rank columns in memory (rank-columns.ts): the matches FTS5 listed are filtered
// by their time and duration, scored and ordered here, exactly as the SQL of search.ts would (the same
// score, rank.ts: per word, a column's weight when its folded text contains the word, as LIKE '%word%'
// tests it; the same order, candidates.ts). Measured on 100,000 demo recordings: see rank-columns.ts.
import type { RangeCondition } from './compile';
import { before, indexOf, type PageReads, type Scored } from './candidates';
import type { RankColumns } from './rank-columns';
import type { RankScore } from './rank';
import { RANK_COLUMNS } from './rank';

/** A page this large is picked from a sorted buffer; a larger one sorts every candidate. */
const BUFFERED_PAGE = 2000;

/** SQL's range test of rangeCondition (compile.ts): a known value inside every bound; NaN is unknown. */
function inRange(v: number, c: RangeCondition): boolean {
  const { gt, gte, lt, lte } = c.range;
  const holds =
    !Number.isNaN(v) &&
    (gt === undefined || v > gt) &&
    (gte === undefined || v >= gte) &&
    (lt === undefined || v < lt) &&
    (lte === undefined || v <= lte);
  return holds !== c.negated;
}

/** The best `k` of `items` in relevance order (before), in that order. */
function best(items: readonly Scored[], k: number): Scored[] {
  if (k > BUFFERED_PAGE) return [...items].sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, k);
  const out: Scored[] = [];
  for (const s of items) {
    if (out.length === k && !before(s, out[k - 1]!)) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(out[mid]!, s)) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, s);
    if (out.length > k) out.pop();
  }
  return out;
}

/** The score (rank.ts) of the recording at a position of `columns`. */
function scorerAt(columns: RankColumns, score: RankScore): (at: number) => number {
  const texts = RANK_COLUMNS.map((c) => ({ text: columns[c.index], weight: c.weight }));
  return (at) => {
    let s = 0;
    for (const term of score.terms)
      for (const { text, weight } of texts) if (text[at]?.includes(term) === true) s += weight;
    return s;
  };
}

/** The recording at a position of `columns` with its score, as candidates.ts orders it. */
function scoredAt(columns: RankColumns, at: number, score: number): Scored {
  const created = columns.created[at]!;
  return { id: columns.ids[at]!, score, created: Number.isNaN(created) ? null : created };
}

/**
 * What candidates.ts reads of the recordings, read from `columns` instead of SQLite, for words that are
 * comparableTerms: scores by id as its scoreRows gives them from the rows (an id not there is left
 * out), and the newest recordings as listed when the columns were read.
 */
export function memoryReads(columns: RankColumns, score: RankScore): PageReads {
  const scoreAt = scorerAt(columns, score);
  return {
    scoreOf: (ids) =>
      ids.flatMap((id) => {
        const at = indexOf(columns.ids, id);
        return at < 0 ? [] : [scoredAt(columns, at, scoreAt(at))];
      }),
    newest: (from, n) => columns.newest.subarray(from, from + n),
  };
}

/**
 * Whether the words of `score` compare here as LIKE compares them in SQL: SQLite binds a lone surrogate as
 * U+FFFD, and LIKE ignores the case of ASCII letters (folded words hold none in upper case).
 */
export function comparableTerms(score: RankScore): boolean {
  return !score.terms.some((t) => /\p{Cs}|[A-Z]/u.test(t));
}

/**
 * The relevance page [offset, offset + limit) of `matches` (ascending ids) that satisfy `ranges`, and how
 * many do, for words that are comparableTerms; null when a match is not in `columns` (then SQLite
 * answers).
 */
export function rankedInMemory(
  columns: RankColumns,
  score: RankScore,
  ranges: readonly RangeCondition[],
  matches: readonly number[],
  limit: number,
  offset: number,
): { ids: number[]; total: number } | null {
  const scoreAt = scorerAt(columns, score);
  const tests = ranges.map((c) => ({
    c,
    values: c.column === 'created' ? columns.created : columns.duration,
  }));
  const kept: number[] = [];
  const scores: number[] = [];
  nextMatch: for (let i = 0, at = 0; i < matches.length; i++) {
    at = indexOf(columns.ids, matches[i]!, at);
    if (at < 0) return null;
    for (const { c, values } of tests) if (!inRange(values[at]!, c)) continue nextMatch;
    kept.push(at);
    scores.push(scoreAt(at));
  }
  const wanted = offset + limit;
  // Only matches at or above the score of the page's last place can be on it.
  const counts = new Int32Array(score.best + 1);
  for (const s of scores) counts[s]!++;
  let threshold = 0;
  for (let s = score.best, seen = 0; s > 0; s--) {
    seen += counts[s]!;
    if (seen >= wanted) {
      threshold = s;
      break;
    }
  }
  const candidates: Scored[] = [];
  for (let j = 0; j < kept.length; j++)
    if (scores[j]! >= threshold) candidates.push(scoredAt(columns, kept[j]!, scores[j]!));
  return {
    ids: best(candidates, wanted)
      .slice(offset)
      .map((s) => s.id),
    total: kept.length,
  };
}
