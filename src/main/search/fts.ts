// Turning user text into FTS5 query syntax safely. User text is never FTS5 syntax: each word or phrase
// becomes one FTS5 string ("…" with inner quotes doubled), which FTS5 tokenizes itself, so AND, NEAR, *,
// ^, :, parentheses and the like are just characters inside it. Words get a trailing * (prefix match).

// unicode61's default token characters are letters, numbers and private-use characters; text without any
// (punctuation, emoji) yields no token, so it cannot be searched for and is dropped.
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** True when `text` contains something the index can match. */
export function isSearchable(text: string): boolean {
  return TOKEN_CHAR.test(text);
}

// Short prefixes ("e*", "ch*") expand to a large part of the vocabulary and cost more than any other
// query: one- and two-letter words are matched as whole words instead.
/** Words shorter than this are matched whole, not as prefixes. */
export const MIN_PREFIX_CHARS = 3;
const LAST_TOKEN = /[\p{L}\p{N}\p{Co}]+(?=[^\p{L}\p{N}\p{Co}]*$)/u;

/** `text` as one FTS5 string, with `*` for a prefix query; null when it holds nothing searchable. */
export function ftsString(text: string, prefix: boolean): string | null {
  if (!isSearchable(text)) return null;
  const last = LAST_TOKEN.exec(text)?.[0] ?? '';
  const star = prefix && [...last].length >= MIN_PREFIX_CHARS ? '*' : '';
  return `"${text.replaceAll('"', '""')}"${star}`;
}

/** The FTS5 columns a qualifier can be limited to (see drizzle/0012_recordings_fts_v5.sql). */
export type FtsColumn = 'customer' | 'agent';

/** `text` as a prefix query limited to one FTS column; null when it holds nothing searchable. */
export function ftsColumnString(column: FtsColumn, text: string): string | null {
  const s = ftsString(text, true);
  return s === null ? null : `${column} : ${s}`;
}

/** An FTS5 expression requiring every `must` string and none of the `mustNot` ones; null without `must`. */
export function ftsExpression(must: string[], mustNot: string[]): string | null {
  if (must.length === 0) return null;
  const all = must.join(' AND ');
  return mustNot.length === 0 ? all : `(${all}) NOT (${mustNot.join(' OR ')})`;
}

/** An FTS5 expression matching any of `strings`; null when empty. */
export function ftsAny(strings: string[]): string | null {
  return strings.length === 0 ? null : strings.join(' OR ');
}
