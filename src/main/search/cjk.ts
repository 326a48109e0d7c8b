// Chinese, Japanese and Korean text, found by any part of a word. Those scripts do not put spaces
// between words, so the index's tokenizer (unicode61) keeps a whole run such as "支払いエラー" as one
// token, which a query can only match from its start. The index therefore has one more column, `cjk`
// (drizzle/0013_recordings_fts_v6.sql), holding the bigrams of every CJK run of the indexed text:
// "支払いエラー" is indexed as "支払 払い いエ エラ ラー", and a query of CJK characters becomes the
// phrase of its own bigrams, which matches exactly where the query is a substring of a run. Runs are
// separated by a token of their own (RUN_BREAK), so a phrase never spans two runs, and the runs of
// different fields by another (FIELD_BREAK), so a query of several runs never spans two fields.
//
// The column's value is computed once per record by cjkColumn(), in src/main/db/extract.ts, and stored
// in recording_payloads.search_cjk, which the index's source view reads. The same computation is
// sdesk_cjk_grams(title, summary, …) in SQL (src/main/db/open.ts), which migration 0013 calls once to fill
// in the rows cached before that column existed.

// Han (kanji, hanzi, hanja), kana with the prolonged sound and iteration marks, and hangul: the letters
// (and ideographic numbers) of those blocks, written as code point ranges, which scan twice as fast as
// script properties (\p{sc=Han}). Punctuation such as the katakana middle dot "・" is left out: the
// tokenizer separates words at it, and so must the runs.
const CJK_LETTERS =
  '\u1100-\u11FF\u3005-\u3007\u3021-\u3029\u3041-\u3096\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF' +
  '\u3131-\u318E\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97C\uAC00-\uD7A3\uD7B0-\uD7FB' +
  '\uF900-\uFAFF\uFF66-\uFF9F\uFFA0-\uFFDC\u{20000}-\u{3134F}';
const CJK_CHAR = new RegExp(`[${CJK_LETTERS}]`, 'u');
const CJK_RUN = new RegExp(`[${CJK_LETTERS}]+`, 'gu');
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;

/** Stands between two runs in the `cjk` column: a private-use character, a token of its own. */
const RUN_BREAK = '\uE001';
/** Stands between the runs of two fields, so that no query (whose runs are one break apart) spans them. */
const FIELD_BREAK = '\uE002';

/** True when `text` holds at least one CJK character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

const ASTRAL = /[\uD800-\uDFFF]/;

/** The bigrams of one run, space-separated ("支払い" → "支払 払い"); a run of one character is itself. */
function bigrams(run: string): string {
  // Most runs are of the Basic Multilingual Plane, where a character is one UTF-16 unit.
  const chars = ASTRAL.test(run) ? Array.from(run) : null;
  const n = chars === null ? run.length : chars.length;
  if (n === 1) return run;
  let out = '';
  for (let i = 0; i + 1 < n; i++) {
    const gram = chars === null ? run.slice(i, i + 2) : `${chars[i]}${chars[i + 1]}`;
    out += i === 0 ? gram : ` ${gram}`;
  }
  return out;
}

/** The `cjk` column for some texts: the bigrams of each CJK run, runs separated; null without any. */
export function cjkColumn(texts: readonly (string | null)[]): string | null {
  const fields: string[] = [];
  for (const text of texts) {
    if (text === null || !hasCjk(text)) continue;
    const runs = Array.from(text.matchAll(CJK_RUN), (m) => bigrams(m[0]));
    fields.push(runs.join(` ${RUN_BREAK} `));
  }
  return fields.length === 0 ? null : fields.join(` ${FIELD_BREAK} `);
}

/** sdesk_cjk_grams(title, summary, …) in SQL: the `cjk` column from the other columns' values (text only). */
export function cjkColumnSql(...values: unknown[]): string | null {
  return cjkColumn(values.map((v) => (typeof v === 'string' ? v : null)));
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
  const phrase = tokens.map(bigrams).join(` ${RUN_BREAK} `);
  const single = tokens.length === 1 && Array.from(tokens[0] ?? '').length === 1;
  return `cjk : "${phrase}"${single && prefix ? '*' : ''}`;
}
