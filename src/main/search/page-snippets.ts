// The snippets of one result page. Titles and summaries are already in the list rows; the rest of the
// indexed text (description, details, console logs) is read from the stored record only for the rows
// whose title and summary hold no match, so a page of title hits never parses a payload.
import type { Database } from 'better-sqlite3';
import { agentText, readRecordingFields } from '../../shared/server-json';
import type { HighlightTerm, SnippetTexts } from './highlight';
import { NO_TEXTS, bestSnippet } from './highlight';
import type { HitRow } from './hits';
import { cachedStatement } from './statements';

const PAYLOADS_SQL =
  'SELECT id, raw, search_meta FROM recording_payloads WHERE id IN (SELECT value FROM json_each(?))';

/** The text of each index column, read from the record the way the index's source view reads it. */
function textsOf(raw: string, searchMeta: string | null): SnippetTexts {
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    // Stored by JSON.stringify, so always readable; an unreadable one just has no snippet.
  }
  const r = readRecordingFields(record);
  const agent = agentText(r);
  return {
    title: r.title,
    summary: r.summary,
    description: r.description,
    customer: r.customerEmail,
    agent: agent === '' ? null : agent,
    details: searchMeta,
    logs: r.consoleLogs,
  };
}

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
  const payloads = cachedStatement(sqlite, PAYLOADS_SQL).all(JSON.stringify(rest)) as {
    id: number;
    raw: string;
    search_meta: string | null;
  }[];
  for (const p of payloads) {
    const s = bestSnippet(textsOf(p.raw, p.search_meta), terms);
    if (s !== null) snippets.set(p.id, s);
  }
  return snippets;
}
