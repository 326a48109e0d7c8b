// The text of each index column, read from a stored record the way the index's source view reads it
// (drizzle/0013_recordings_fts_v6.sql): snippets (page-snippets.ts) and the `cjk` column (cjk.ts) use it.
import type { SnippetTexts } from './highlight';

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The text of each index column of a stored record (`raw`, its JSON) and its search_meta. */
export function textsOf(raw: string, searchMeta: string | null): SnippetTexts {
  let record: Obj = {};
  try {
    record = obj(JSON.parse(raw));
  } catch {
    // Stored by JSON.stringify, so always readable; an unreadable one just has no text.
  }
  const user = obj(record.user);
  const agent = [str(user.name), str(user.email)].filter((s) => s !== null).join(' ');
  return {
    title: str(record.title),
    summary: str(record.summary),
    description: str(record.description),
    customer: str(obj(record.customer).email),
    agent: agent === '' ? null : agent,
    details: searchMeta,
    logs: str(record.console_logs),
  };
}
