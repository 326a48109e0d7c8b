// Chinese, Japanese and Korean text, found by any part of a word. Those scripts do not put spaces
// between words, so the index's tokenizer (unicode61) keeps a whole run such as "支払いエラー" as one
// token, which a query can only match from its start. The index therefore has one more column, `cjk`
// (drizzle/0013_recordings_fts_v6.sql), holding the bigrams of every CJK run of the indexed text:
// "支払いエラー" is indexed as "支払 払い いエ エラ ラー", and a query of CJK characters becomes the
// phrase of its own bigrams, which matches exactly where the query is a substring of a run. Runs are
// separated by a token of their own (RUN_BREAK), so a phrase never spans two runs.
//
// The column is computed by sdesk_cjk_grams(raw, search_meta), a function every connection registers
// (src/main/db/open.ts) and the index's source view calls. It must stay deterministic: the index
// removes a row's old entries by computing them again from the old values.
import { textsOf } from './record-texts';

// Han (kanji, hanzi, hanja), kana with the prolonged sound and iteration marks, and hangul.
const CJK_CHAR = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3005\u30FC\uFF70]/u;
const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3005\u30FC\uFF70]+/gu;
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/** Stands between two runs in the `cjk` column: a private-use character, a token of its own. */
export const RUN_BREAK = '\uE001';

/** True when `text` holds at least one CJK character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** The bigrams of one run ("支払い" → 支払 払い); a run of one character is itself. */
function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

/** The `cjk` column for some texts: the bigrams of each CJK run, runs separated; null without any. */
export function cjkColumn(texts: readonly (string | null)[]): string | null {
  const runs: string[] = [];
  for (const text of texts) {
    if (text === null || !hasCjk(text)) continue;
    for (const m of text.matchAll(CJK_RUN)) runs.push(bigrams(m[0]).join(' '));
  }
  return runs.length === 0 ? null : runs.join(` ${RUN_BREAK} `);
}

/**
 * The `cjk` column of a stored record (its JSON and search_meta), from the same texts the other index
 * columns hold: sdesk_cjk_grams in SQL. Text without any CJK character is not even parsed.
 */
export function cjkColumnOfRecord(raw: unknown, searchMeta: unknown): string | null {
  const meta = typeof searchMeta === 'string' ? searchMeta : null;
  if (typeof raw !== 'string' || !(hasCjk(raw) || (meta !== null && hasCjk(meta)))) return null;
  return cjkColumn(Object.values(textsOf(raw, meta)));
}

/**
 * The tokens of `text` when every one of them is made of CJK characters only, else null: only such
 * text is searched in the `cjk` column (a word mixing scripts is matched by the main columns).
 */
export function cjkTokens(text: string): string[] | null {
  const tokens = Array.from(text.matchAll(TOKEN), (m) => m[0]);
  if (tokens.length === 0) return null;
  for (const t of tokens) if ((t.match(CJK_RUN) ?? []).join('') !== t) return null;
  return tokens;
}

/**
 * The FTS5 query on the `cjk` column for CJK-only text (see cjkTokens): the phrase of its bigrams, runs
 * separated as in the index, so a single run matches anywhere inside a run and several runs must
 * follow each other. One character is the prefix of a bigram (or a run of its own) when `prefix` is set.
 */
export function cjkFtsString(tokens: readonly string[], prefix: boolean): string {
  const phrase = tokens.map((t) => bigrams(t).join(' ')).join(` ${RUN_BREAK} `);
  const single = tokens.length === 1 && Array.from(tokens[0] ?? '').length === 1;
  return `cjk : "${phrase}"${single && prefix ? '*' : ''}`;
}
