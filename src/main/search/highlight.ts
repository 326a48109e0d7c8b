// Snippets, built in JS for the rows of one result page. FTS5's snippet() would need one more pass over
// every match of the query (it cannot be given just the page's rows without re-running the match once per
// row), which cost more than the whole search; here the work is bounded by the page.
//
// Tokens follow the index's tokenizer (unicode61, remove_diacritics 2): runs of letters, digits and
// private-use characters, compared case- and accent-folded (src/shared/fold.ts). A snippet is plain text;
// matches are wrapped in the private markers (markers.ts), and any marker characters in the recording's
// own text are blanked, so customer text cannot forge a highlight.
import { foldText } from '../../shared/fold';
import { SNIPPET_ELLIPSIS, SNIPPET_MARK_END, SNIPPET_MARK_START } from './markers';
import type { ScanStart } from './snippet-skip';
import { TOKEN_CHAR, scanStart } from './snippet-skip';

/** How many tokens a snippet holds at most. */
const SNIPPET_TOKENS = 16;

/** The searchable text of one recording, by index column, in the order a snippet prefers them. */
export const SNIPPET_COLUMNS = [
  'title',
  'summary',
  'description',
  'customer',
  'agent',
  'details',
  'logs',
] as const;
/** One of SNIPPET_COLUMNS. */
export type SnippetColumn = (typeof SNIPPET_COLUMNS)[number];
/** The text of each column (null when the recording has none). */
export type SnippetTexts = Record<SnippetColumn, string | null>;
/** No text in any column: the base to fill in. */
export const NO_TEXTS: Readonly<SnippetTexts> = Object.freeze(
  Object.fromEntries(SNIPPET_COLUMNS.map((c) => [c, null])) as SnippetTexts,
);

/** A word or phrase to highlight: folded tokens, the last one prefix-matched or not. */
export interface HighlightTerm {
  tokens: string[];
  prefix: boolean;
  /** Only in this column (the `customer:` and `user:` qualifiers); anywhere when absent. */
  column?: SnippetColumn;
  /**
   * Matched inside words, as CJK text is (src/main/search/cjk.ts): the first token may end a word, the
   * last one start it, and a single token lie anywhere in one. Its tokens are then as typed, not folded
   * (the index does not fold these scripts either), and only the matching characters are marked.
   */
  inside?: boolean;
}

const TOKEN = new RegExp(`[${TOKEN_CHAR}]+`, 'gu');
// The snippet markers themselves, as constructed from markers.ts (a literal would be a control-character regex).
const MARKERS = new RegExp(`[${SNIPPET_MARK_START}${SNIPPET_MARK_END}]`, 'g');

/** The folded tokens of `text`. */
export function foldedTokens(text: string): string[] {
  return Array.from(text.matchAll(TOKEN), (m) => foldText(m[0]));
}

interface Tok {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

/** Length in tokens of a match of `term` at `i` of `toks`, or 0. */
function matchAt(toks: readonly Tok[], i: number, term: HighlightTerm): number {
  const n = term.tokens.length;
  if (n === 0 || i + n > toks.length) return 0;
  for (let k = 0; k < n; k++) {
    const tok = toks[i + k];
    const have = (term.inside === true ? tok?.raw : tok?.folded) ?? '';
    const want = term.tokens[k] ?? '';
    const last = k === n - 1;
    if (term.inside === true) {
      const ok =
        n === 1
          ? have.includes(want)
          : k === 0
            ? have.endsWith(want)
            : last
              ? have.startsWith(want)
              : have === want;
      if (!ok) return 0;
      continue;
    }
    if (!(have === want || (last && term.prefix && have.startsWith(want)))) return 0;
  }
  return n;
}

/** The longest match of any term starting at token `i` (0 for none), and where its characters are. */
function longestMatchAt(
  toks: readonly Tok[],
  i: number,
  terms: readonly HighlightTerm[],
): { len: number; from: number; to: number } {
  let best = { len: 0, from: 0, to: 0 };
  for (const t of terms) {
    const len = matchAt(toks, i, t);
    if (len > best.len) best = { len, ...matchSpan(toks, i, len, t) };
  }
  return best;
}

/** The characters a match of `term` covers: whole tokens, or the matching part of them when inside. */
function matchSpan(
  toks: readonly Tok[],
  i: number,
  len: number,
  term: HighlightTerm,
): { from: number; to: number } {
  const a = toks[i];
  const b = toks[i + len - 1];
  if (a === undefined || b === undefined) return { from: 0, to: 0 };
  if (term.inside !== true) return { from: a.start, to: b.end };
  const first = term.tokens[0] ?? '';
  if (len === 1) {
    const at = a.start + a.raw.indexOf(first);
    return { from: at, to: at + first.length };
  }
  return { from: a.end - first.length, to: b.start + (term.tokens[len - 1] ?? '').length };
}

/**
 * The snippet of `text` around the first match of `terms`, or null without a match. Tokenizes only up to
 * the window after the first match, so kilobytes of console logs after it cost nothing, and, for most
 * terms, only from a few tokens before the first token that can start a match (snippet-skip.ts).
 */
export function snippetOf(
  text: string,
  terms: readonly HighlightTerm[],
  size = SNIPPET_TOKENS,
): string | null {
  const scan = scanStart(text, terms, size);
  return scan === null ? null : snippetFrom(text, terms, size, scan);
}

const TOKEN_FROM = new RegExp(TOKEN);

/** The tokens of `text` from offset `from`, which starts a token or lies between two. */
function tokensFrom(text: string, from: number): IterableIterator<RegExpExecArray> {
  // matchAll runs a copy of its regex from the regex's lastIndex; TOKEN's stays 0 for foldedTokens.
  TOKEN_FROM.lastIndex = from;
  return text.matchAll(TOKEN_FROM);
}

function snippetFrom(
  text: string,
  terms: readonly HighlightTerm[],
  size: number,
  scan: ScanStart,
): string | null {
  let toks: Tok[] = [];
  // Before the first match only the last `size` tokens can end up in the snippet: older ones are
  // dropped as the scan goes, so memory stays flat whatever the length of the text. Tokens before
  // scan.from count as dropped.
  let dropped = scan.dropped;
  let first = -1;
  let done = false;
  const longest = Math.max(0, ...terms.map((t) => t.tokens.length));
  const keep = Math.max(size, longest); // a phrase still being matched must not lose its start
  for (const m of tokensFrom(text, scan.from)) {
    if (first < 0 && toks.length >= 4 * keep) {
      toks = toks.slice(toks.length - keep);
      dropped = true;
    }
    // No match starts at a token before matchFrom (snippet-skip.ts), and one starting later never reads
    // it: it needs neither folding nor trying.
    const idle = m.index < scan.matchFrom;
    toks.push({ start: m.index, end: m.index + m[0].length, raw: m[0], folded: idle ? '' : foldText(m[0]) });
    if (idle) continue;
    // Each position is checked until `longest` tokens follow it, so every term has been tried there whole.
    for (let i = Math.max(0, toks.length - longest); first < 0 && i < toks.length; i++) {
      if (longestMatchAt(toks, i, terms).len > 0) first = i;
    }
    if (first >= 0 && toks.length >= first + size) {
      done = true;
      break;
    }
  }
  if (first < 0) return null;
  const total = done ? Number.POSITIVE_INFINITY : toks.length;

  // Matches inside the window that starts at the first one, then centre them in it (as FTS5 does).
  // Marks are character ranges: a CJK match covers part of a token (HighlightTerm.inside).
  const marks: [number, number][] = [];
  let lastEnd = first;
  for (let i = first; i < Math.min(toks.length, first + size);) {
    const match = longestMatchAt(toks, i, terms);
    if (match.len > 0 && i + match.len <= first + size) {
      marks.push([match.from, match.to]);
      lastEnd = i + match.len;
      i += match.len;
    } else i++;
  }
  let start = Math.max(0, first - Math.floor((size - (lastEnd - first)) / 2));
  let end = Math.min(toks.length, start + size);
  if (end - start < size) start = Math.max(0, end - size);
  end = Math.min(toks.length, start + size);

  const atTextStart = start === 0 && !dropped;
  const from = atTextStart ? 0 : (toks[start]?.start ?? 0);
  const to = end >= total ? text.length : (toks[end - 1]?.end ?? text.length);
  let out = atTextStart ? '' : SNIPPET_ELLIPSIS;
  let pos = from;
  for (const [ms, me] of marks) {
    out += blanked(text.slice(pos, ms)) + SNIPPET_MARK_START + blanked(text.slice(ms, me)) + SNIPPET_MARK_END;
    pos = me;
  }
  out += blanked(text.slice(pos, to));
  return end < total ? out + SNIPPET_ELLIPSIS : out;
}

/**
 * `text` with its marker characters turned into spaces. Done to the snippet's pieces, not to the whole
 * text first (which took ~75 µs for 60 KB of logs, more than the rest of a skipping snippetOf): markers,
 * like spaces, are not token characters, so the tokens are the same either way.
 */
function blanked(text: string): string {
  return text.replace(MARKERS, ' ');
}

/** The snippet of the first column, in SNIPPET_COLUMNS order, where a term matches; null when none does. */
export function bestSnippet(texts: SnippetTexts, terms: readonly HighlightTerm[]): string | null {
  for (const column of SNIPPET_COLUMNS) {
    const text = texts[column];
    if (text === null || text === '') continue;
    const here = terms.filter((t) => t.column === undefined || t.column === column);
    if (here.length === 0) continue;
    const s = snippetOf(text, here);
    if (s !== null) return s;
  }
  return null;
}
