// The snippets of one result page. Titles and summaries are already in the list rows; the rest of the
// indexed text (description, customer, agent, details, console logs) is read, as the index reads it, only
// for the rows whose title and summary hold no match, so a page of title hits reads no stored record.
import type { Database } from 'better-sqlite3';
import type { HighlightTerm, SnippetTexts } from './highlight';
import { NO_TEXTS, bestSnippet } from './highlight';
import type { HitRow } from './hits';
import { cachedStatement } from './statements';

// The text of each index column as the index reads it: from its own source view
// (drizzle/0013_recordings_fts_v6.sql), whose columns are named as SNIPPET_COLUMNS, so what a snippet
// shows and what the index matched are one definition. SQLite's JSON functions pick the fields out of
// the stored record; parsing whole records in JS instead made the page of "error" (50 records with
// their console logs) about 0.5 ms slower (10.4 against 11.2 ms p50, one process, alternating).
// A record damaged on disk (not JSON) would make the view's JSON functions fail the whole search: it
// is left out first, and its row just has no snippet from it.
const SOURCE_SQL =
  'SELECT s.id, s.title, s.summary, s.description, s.customer, s.agent, s.details, s.logs ' +
  'FROM recording_payloads p JOIN recordings_fts_source s ON s.id = p.id ' +
  'WHERE p.id IN (SELECT value FROM json_each(?)) AND json_valid(p.raw)';

/** Snippets by recording id for the rows of a page (rows without any match get none). */
export function pageSnippets(
  sqlite: Database,
  rows: readonly HitRow[],
  terms: readonly HighlightTerm[],
): Map<number, string> {
  const snippets = new Map<number, string>();
  if (terms.length === 0) return snippets;
  const rest: number[] = [];
  for (const r of rows) {
    const quick = bestSnippet({ ...NO_TEXTS, title: r.title, summary: r.summary }, terms);
    if (quick === null) rest.push(r.id);
    else snippets.set(r.id, quick);
  }
  if (rest.length === 0) return snippets;
  const sources = cachedStatement(sqlite, SOURCE_SQL).all(JSON.stringify(rest)) as ({
    id: number;
  } & SnippetTexts)[];
  for (const { id, ...texts } of sources) {
    const s = bestSnippet(texts, terms);
    if (s !== null) snippets.set(id, s);
  }
  return snippets;
}
