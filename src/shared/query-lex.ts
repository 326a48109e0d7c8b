// First pass of the query language: clean the input and cut it into tokens (words, quoted phrases and
// key:value pairs, each possibly negated). Never fails: every string yields a (possibly empty) token list.
// The one lexer of the app: main's search parses its tokens, and the renderer's filter chips read and
// rewrite qualifiers by their spans, so a chip always shows the value the search filters by.

/** Input beyond this many UTF-16 units is ignored (a query box never needs more). */
const MAX_QUERY_LENGTH = 16_384;
/** Tokens beyond this many are ignored, so a pasted essay cannot build a huge SQL or FTS5 query. */
export const MAX_TERMS = 32;
/** A word, phrase or value is cut to this many characters. */
export const MAX_TERM_LENGTH = 256;

/** One token of the query. `key` is set (lower-cased) for `key:value` tokens. */
export interface Token {
  negated: boolean;
  key?: string;
  value: string;
  /** The value was written in double quotes. */
  quoted: boolean;
  /** The token as typed (minus a leading '-'), used when a key:value turns out to be plain text. */
  raw: string;
  /** Where the token (its '-' included) starts and ends in the query, in UTF-16 units. */
  start: number;
  end: number;
}

/** A token before its place in the query is known. */
type Body = Omit<Token, 'start' | 'end'>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// NUL ends an FTS5 string early, and U+0002/U+0003 are our snippet markers: control characters go.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/g;
const KEY = /^[A-Za-z]+$/;

/**
 * Caps the length, replaces lone surrogates with U+FFFD and control characters with spaces. Every
 * replacement is one UTF-16 unit for one, so a token's span in the result is its span in the input.
 */
function sanitizeQuery(input: string): string {
  return String(input).slice(0, MAX_QUERY_LENGTH).replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ');
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Reads a double-quoted string starting at s[start] === '"'; an unclosed quote runs to the end. */
function readQuoted(s: string, start: number): { value: string; end: number } {
  const close = s.indexOf('"', start + 1);
  return close === -1
    ? { value: s.slice(start + 1), end: s.length }
    : { value: s.slice(start + 1, close), end: close + 1 };
}

const cap = (text: string): string => text.slice(0, MAX_TERM_LENGTH);

/** Reads an unquoted word at s[start], or key:value / key:"quoted value". */
function readWord(s: string, start: number, negated: boolean): { token: Body; end: number } {
  let i = start;
  while (i < s.length && !isSpace(s[i])) {
    // key:"quoted value" may contain spaces.
    if (s[i] === ':' && s[i + 1] === '"' && KEY.test(s.slice(start, i))) {
      const key = s.slice(start, i);
      const q = readQuoted(s, i + 1);
      const token = {
        negated,
        key: key.toLowerCase(),
        value: cap(q.value),
        quoted: true,
        raw: cap(`${key}:${q.value}`),
      };
      return { token, end: q.end };
    }
    i++;
  }
  const word = s.slice(start, i);
  const colon = word.indexOf(':');
  const key = word.slice(0, Math.max(colon, 0));
  if (KEY.test(key) && colon < word.length - 1) {
    const token = {
      negated,
      key: key.toLowerCase(),
      value: cap(word.slice(colon + 1)),
      quoted: false,
      raw: cap(word),
    };
    return { token, end: i };
  }
  return { token: { negated, value: cap(word), quoted: false, raw: cap(word) }, end: i };
}

/** Cuts a query into at most MAX_TERMS tokens, after sanitizeQuery. */
export function lex(input: string): Token[] {
  const s = sanitizeQuery(input);
  const tokens: Token[] = [];
  let i = 0;
  while (tokens.length < MAX_TERMS) {
    while (isSpace(s[i])) i++;
    if (i >= s.length) break;
    const start = i;
    let negated = false;
    if (s[i] === '-' && i + 1 < s.length && !isSpace(s[i + 1])) {
      negated = true;
      i++;
    }
    if (s[i] === '"') {
      const q = readQuoted(s, i);
      tokens.push({ negated, value: cap(q.value), quoted: true, raw: cap(q.value), start, end: q.end });
      i = q.end;
    } else {
      const w = readWord(s, i, negated);
      tokens.push({ ...w.token, start, end: w.end });
      i = w.end;
    }
  }
  return tokens;
}

/**
 * `value` as a query writes it: in double quotes when it holds whitespace, so that lex reads it back
 * as one value. A value cannot hold a double quote (the language has no escape): those are dropped.
 */
export function quoteValue(value: string): string {
  const v = value.replace(/"/g, '');
  return /\s/.test(v) ? `"${v}"` : v;
}
