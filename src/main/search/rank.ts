// Relevance without bm25. FTS5's bm25() reads every match's positions and column sizes and, once per
// query, counts each word's documents with another pass over the index: on a large cache that cost more
// than finding the matches. Relevance here is a score from the narrow `recordings` row instead, summed
// over the query's words: a word in the title counts most, then one in the summary. Matches found only
// elsewhere (description, people, details, console logs) score 0 and come after; equal scores are
// ordered newest first.
//
// The score is a ranking signal, never a filter (FTS5 has already decided what matches), so a substring
// test is enough: LIKE over the title and summary folded as the index folds text ("cafe" finds "Café"),
// with the words folded the same way. A broad word's page is found from the matches that can score
// (candidates.ts): its proof rests on this score being that substring test, weighted per column.
import { foldText } from '../../shared/fold';
import type { SqlParam } from './compile';
import { escapeLike } from './compile';

/**
 * The columns that raise a recording's rank, with their weights: the row's folded column, and the same
 * text's column in the relevance index (drizzle/0015_recordings_rank_index.sql, candidates.ts).
 */
export const RANK_COLUMNS = [
  { row: 'r.title_folded', index: 'title', weight: 10 },
  { row: 'r.summary_folded', index: 'summary', weight: 5 },
] as const;

// More words than this add nothing to the order but length to the statement.
const MAX_RANKED_WORDS = 8;

/** The most one word adds to a score: found in every ranked column. */
export const WORD_BEST = RANK_COLUMNS.reduce((sum, c) => sum + c.weight, 0);

/** A score expression over `r`, its parameters, and the highest score it can give (every word in every column). */
export interface RankScore {
  sql: string;
  params: SqlParam[];
  best: number;
  /** The words scored, folded, in order: each adds up to WORD_BEST when its column LIKE '%word%'. */
  terms: string[];
}

/** The SQL score expression over `r` for the given words, with its parameters; null without words. */
export function rankScore(words: readonly string[]): RankScore | null {
  const terms = words
    .map((w) => foldText(w.trim()))
    .filter((w) => w !== '')
    .slice(0, MAX_RANKED_WORDS);
  if (terms.length === 0) return null;
  const parts: string[] = [];
  const params: SqlParam[] = [];
  for (const term of terms) {
    for (const { row, weight } of RANK_COLUMNS) {
      parts.push(`iif(${row} LIKE ? ESCAPE '\\', ${weight}, 0)`);
      params.push(`%${escapeLike(term)}%`);
    }
  }
  return { sql: `(${parts.join(' + ')})`, params, best: WORD_BEST * terms.length, terms };
}
