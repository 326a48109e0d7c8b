// Where snippetOf (highlight.ts) starts tokenizing. Its loop costs a regex match, a foldText and a
// match test per token, in JS: on 100,000 demo recordings the search for `error` spent ~7 ms building a
// page's 50 snippets, as titles and summaries say "TypeError" (no token starts with "error") and each
// snippet tokenized kilobytes of description, details and console logs up to the first `[error]`. Here
// a native regex scan finds the first token that can start a match, and tokenizing starts just before
// it; a text without one has no snippet, and is not tokenized at all. Per call, measured alternating
// with the code before: 60 KB of console logs whose first `[error]` comes after ~1,000 characters took
// 17 µs instead of 210, and 50 µs instead of 5.5 ms without one; a title saying "TypeError" 0.3 µs
// instead of 3.4; a title with a match, 6.0 µs instead of 4.4 (the scan before the same tokenizing).
//
// Only for terms matched by whole tokens (not `inside`) whose first token is ASCII letters and digits,
// in phrases of at most ceil(size / 2) + 1 tokens (point 4); other terms tokenize from the text's start
// as before. The snippet is the same as when tokenizing from the start, because:
// 1. A match at a token needs the token, folded, to equal the term's first token t0, or to start with
//    it for a one-token prefix term (firstTokenFits). No match starts before the first token that fits,
//    and the tokens before it need no folding nor trying (ScanStart.matchFrom).
// 2. Folding a token folds its characters one by one: canonical reordering moves only characters of a
//    non-zero combining class, all of them marks, which foldText drops; and toLowerCase depends on the
//    context only for Σ, which is not ASCII in either form. No token character folds into nothing, and
//    none into ASCII but in its first character. So a token that folds into something starting with t0
//    has, for each character x of t0 in turn, a character that folds into something starting with x:
//    one of foldingInto(x), x in either case or a letter such as "é" for e. The candidate regex finds
//    each token start followed by such characters, and firstCandidate tries them in text order.
//    test/unit/search-snippet-skip.test.ts checks these facts about folding for every code point.
// 3. The snippet begins at most size - 1 tokens before its first match (when the text ends right after
//    it), so tokenizing from size - 1 whole tokens before the first token that fits gives it the same
//    tokens; `dropped` says whether tokens came before those, so the snippet opens with an ellipsis, or
//    with the text's first character, exactly as it did.
// 4. Until a match, snippetOf forgets all but the last `keep` tokens each time it holds 4 × keep, and
//    its snippet cannot begin before what it kept: where tokenizing starts changes what it forgets.
//    That never counts. Once it has forgotten some, it holds keep + 1 tokens at least when it finds a
//    match among the last `longest`, so keep - longest + 1 of them come before the match. The snippet
//    begins at most size / 2 tokens before the match, within those for phrases of at most
//    ceil(size / 2) + 1 tokens, or it holds the text's last `size` tokens, all held.
import { foldText } from '../../shared/fold';
import type { HighlightTerm } from './highlight';

/** The characters tokens are made of (the index's unicode61 tokenizer): letters, digits, private use. */
export const TOKEN_CHAR = String.raw`\p{L}\p{N}\p{Co}`;

/**
 * Where the non-ASCII token characters that fold into ASCII lie (the test checks every code point):
 * the Latin letters with diacritics (Latin-1, Latin Extended-A and -B, Latin Extended Additional),
 * KELVIN SIGN and ANGSTROM SIGN.
 */
const FOLDING_INTO_ASCII: readonly (readonly [number, number])[] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
  [0x212a, 0x212b],
];

const ASCII_WORD = /^[a-z0-9]+$/;
// Each regex holding these classes took ~0.5 ms to compile, and as much again when V8 compiled it to
// machine code, once per process: this one, for non-ASCII characters only, and JS for the rest.
const TOKEN_CHAR_AT = new RegExp(`[${TOKEN_CHAR}]`, 'uy');

/** Where snippetOf tokenizes from, whether tokens came before that, and where matches may start. */
export interface ScanStart {
  from: number;
  dropped: boolean;
  /** Tokens starting before this offset cannot start a match: they need no folding nor trying. */
  matchFrom: number;
}

const WHOLE_TEXT: ScanStart = Object.freeze({ from: 0, dropped: false, matchFrom: 0 });

/** Where to tokenize `text` for a snippet of `terms`; null when no term can match in it. */
export function scanStart(text: string, terms: readonly HighlightTerm[], size: number): ScanStart | null {
  if (!canSkip(terms, size)) return WHOLE_TEXT;
  const at = firstCandidate(text, terms);
  if (at < 0) return null;
  return { ...windowBefore(text, at, size - 1), matchFrom: at };
}

function canSkip(terms: readonly HighlightTerm[], size: number): boolean {
  if (terms.length === 0 || !Number.isInteger(size) || size < 1) return false;
  const maxTokens = Math.ceil(size / 2) + 1; // point 4
  return terms.every(
    (t) => t.inside !== true && t.tokens.length <= maxTokens && ASCII_WORD.test(t.tokens[0] ?? ''),
  );
}

/** Whether a token folded to `folded` passes the test matchAt (highlight.ts) makes of a first token. */
function firstTokenFits(folded: string, term: HighlightTerm): boolean {
  const want = term.tokens[0] ?? '';
  return term.prefix && term.tokens.length === 1 ? folded.startsWith(want) : folded === want;
}

/** The offset of the first token that fits some term's first token, or -1. */
function firstCandidate(text: string, terms: readonly HighlightTerm[]): number {
  const candidate = candidateRegex(terms);
  candidate.lastIndex = 0;
  for (let m = candidate.exec(text); m !== null; m = candidate.exec(text)) {
    const end = tokenEnd(text, m.index); // past m.index: a candidate starts with a token character
    // Not inside a token ("ΩError"), where the candidate regex's lookbehind does not look. Starting at
    // one would be exact still (the token around it starts earlier, so it does not fit either), but
    // then tokenizing, not this scan, would look for the first match.
    if (m.index === 0 || !isTokenCharAt(text, codePointBefore(text, m.index))) {
      const folded = foldText(text.slice(m.index, end));
      if (terms.some((t) => firstTokenFits(folded, t))) return m.index;
    }
    candidate.lastIndex = end; // no token starts before this one ends
  }
  return -1;
}

/**
 * Candidate regexes by the terms' first tokens, compiled once per query (~50 µs): a page's snippets
 * share their terms, and bestSnippet switches between the terms of each column.
 */
const candidates = new Map<string, RegExp>();

/**
 * Token starts followed by characters that fold into a term's t0 (point 2): for "ab", [aAàá…][bB…].
 * Not after an ASCII letter or digit: "TypeError" holds no candidate for "error"; firstCandidate rules
 * out the other token characters, as a lookbehind on all of them took ~0.5 ms more to compile. Small
 * classes, so that the scan skips ahead: 60 KB of logs took 60 µs, 340 µs when any character of
 * FOLDING_INTO_ASCII could come first. No `u` flag: the pattern holds only characters of the Basic
 * Multilingual Plane, so no match starts inside a surrogate pair.
 */
function candidateRegex(terms: readonly HighlightTerm[]): RegExp {
  const key = terms.map((t) => t.tokens[0] ?? '').join(' ');
  let regex = candidates.get(key);
  if (regex === undefined) {
    const spelled = [...new Set(key.split(' '))].map((w) =>
      Array.from(w, (x) => `[${foldingInto(x)}]`).join(''),
    );
    regex = new RegExp(`(?<![A-Za-z0-9])(?:${spelled.join('|')})`, 'g');
    if (candidates.size >= 16) candidates.clear();
    candidates.set(key, regex);
  }
  return regex;
}

let foldings: Map<string, string> | undefined;

/**
 * The token characters that fold into the ASCII letter or digit `x`, as a class's contents: "eEèéêë…"
 * for e, "kK" and KELVIN SIGN for k. Built on first use (~1 ms) from FOLDING_INTO_ASCII, folded in one
 * call, as point 2 allows (the test checks the result against each character's own fold): a call per
 * character took 0.5 ms more.
 */
export function foldingInto(x: string): string {
  foldings ??= foldingsIntoAscii();
  const cases = x === x.toUpperCase() ? x : x + x.toUpperCase();
  return cases + (foldings.get(x) ?? '');
}

function foldingsIntoAscii(): Map<string, string> {
  const chars = FOLDING_INTO_ASCII.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, k) => String.fromCodePoint(from + k)),
  );
  const folded = foldText(chars.join('\n')).split('\n');
  const into = new Map<string, string>();
  chars.forEach((c, k) => {
    const x = folded[k]?.[0] ?? '';
    if (ASCII_WORD.test(x)) into.set(x, (into.get(x) ?? '') + c);
  });
  return into;
}

const TEXT_START = Object.freeze({ from: 0, dropped: false });

/**
 * Where the `count`-th whole token before offset `at` (a token start) starts, and whether a token comes
 * before that; the text's start when fewer tokens come before `at`. Walks back a code point at a time:
 * about 100 characters for a snippet of 16 tokens.
 */
function windowBefore(text: string, at: number, count: number): { from: number; dropped: boolean } {
  if (at < 2 * count) return TEXT_START; // a token and what follows it take two characters at least
  let i = at;
  for (let seen = 0; seen < count; seen++) {
    i = back(text, i, false);
    if (i === 0) return TEXT_START;
    i = back(text, i, true);
  }
  return { from: i, dropped: back(text, i, false) > 0 };
}

/** Back from offset `i` over token characters (`tokenChars`) or over the others: where that stops. */
function back(text: string, i: number, tokenChars: boolean): number {
  while (i > 0) {
    const j = codePointBefore(text, i);
    if (isTokenCharAt(text, j) !== tokenChars) break;
    i = j;
  }
  return i;
}

/** Where the token characters from offset `i` on end. */
function tokenEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length && isTokenCharAt(text, end)) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return end;
}

/** The offset of the code point that ends at offset `i`: a surrogate pair is one. */
export function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? i - 2 : i - 1;
}

/** Whether the code point at offset `i` is a token character; ASCII without a regex. */
export function isTokenCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  TOKEN_CHAR_AT.lastIndex = i;
  return TOKEN_CHAR_AT.test(text);
}
