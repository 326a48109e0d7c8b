// Turning user text into FTS5 query syntax safely. User text is never FTS5 syntax: each word or phrase
// becomes one FTS5 string ("…" with inner quotes doubled), which FTS5 tokenizes itself, so AND, NEAR, *,
// ^, :, parentheses and the like are just characters inside it. Words get a trailing * (prefix match).
import type { PrefixTerms } from './prefix-terms';

// unicode61's default token characters are letters, numbers and private-use characters; text without any
// (punctuation, emoji) yields no token, so it cannot be searched for and is dropped.
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

/** True when `text` contains something the index can match. */
export function isSearchable(text: string): boolean {
  return TOKEN_CHAR.test(text);
}

// Short prefixes ("e*", "ch*") stand for a large part of the vocabulary. The word being typed (the
// query's last word, see compile.ts) is still a prefix from its first letter, so the first keystroke
// shows results; the index keeps one- and two-character prefixes as terms of their own for it
// (drizzle/0013_recordings_fts_v6.sql). Other one- and two-letter words are matched whole.
/** Words shorter than this are matched whole, not as prefixes, unless they are the last word. */
export const MIN_PREFIX_CHARS = 3;
const LAST_TOKEN = /[\p{L}\p{N}\p{Co}]+(?=[^\p{L}\p{N}\p{Co}]*$)/u;

/**
 * `text` as one FTS5 string, with `*` for a prefix query when its last token has at least
 * `minPrefixChars` characters; null when it holds nothing searchable. With `expand`, a prefix query of
 * a word whose terms it lists is asked for as those terms by name instead (prefix-terms.ts): the same
 * matches.
 */
export function ftsString(
  text: string,
  prefix: boolean,
  minPrefixChars = MIN_PREFIX_CHARS,
  expand?: PrefixTerms,
): string | null {
  if (!isSearchable(text)) return null;
  const last = LAST_TOKEN.exec(text)?.[0] ?? '';
  const star = prefix && [...last].length >= minPrefixChars;
  const terms = star ? (expand?.(text) ?? null) : null;
  // No term at all: the prefix query finds nothing either, and costs nothing.
  if (terms !== null && terms.length > 0) return `(${terms.map((t) => `"${t}"`).join(' OR ')})`;
  return `"${text.replaceAll('"', '""')}"${star ? '*' : ''}`;
}

/** The FTS5 columns a qualifier can be limited to (see drizzle/0013_recordings_fts_v6.sql). */
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
