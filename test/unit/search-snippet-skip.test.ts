// snippetOf skips text that cannot hold a match (src/main/search/snippet-skip.ts) and must give the
// same snippet as before, byte for byte. Checked two ways: the facts about folding that the skip rests on,
// for every code point; and snippetOf against a copy of the implementation from before the skip, over
// thousands of generated texts and terms.
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/shared/fold';
import type { HighlightTerm } from '../../src/main/search/highlight';
import { foldedTokens, snippetOf } from '../../src/main/search/highlight';
import { SNIPPET_ELLIPSIS, SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../src/main/search/markers';
import { TOKEN_CHAR, codePointBefore, foldingInto, isTokenCharAt } from '../../src/main/search/snippet-skip';
import { prng } from '../helpers/prng';

// ---- The reference: snippetOf and its helpers as they were before the skip (main at 548d1b3), copied
// rather than kept in src so that it cannot drift with the code it checks.

const REF_TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
const REF_MARKERS = new RegExp(`[${SNIPPET_MARK_START}${SNIPPET_MARK_END}]`, 'g');

interface Tok {
  start: number;
  end: number;
  raw: string;
  folded: string;
}

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

function referenceSnippetOf(rawText: string, terms: readonly HighlightTerm[], size = 16): string | null {
  const text = rawText.replace(REF_MARKERS, ' ');
  let toks: Tok[] = [];
  let dropped = false;
  let first = -1;
  let done = false;
  const longest = Math.max(0, ...terms.map((t) => t.tokens.length));
  const keep = Math.max(size, longest);
  for (const m of text.matchAll(REF_TOKEN)) {
    if (first < 0 && toks.length >= 4 * keep) {
      toks = toks.slice(toks.length - keep);
      dropped = true;
    }
    toks.push({ start: m.index, end: m.index + m[0].length, raw: m[0], folded: foldText(m[0]) });
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
    out += text.slice(pos, ms) + SNIPPET_MARK_START + text.slice(ms, me) + SNIPPET_MARK_END;
    pos = me;
  }
  out += text.slice(pos, to);
  return end < total ? out + SNIPPET_ELLIPSIS : out;
}

// ---- The facts about folding the skip rests on (snippet-skip.ts, point 2), for every code point.

const isTokenChar = new RegExp(`^[${TOKEN_CHAR}]$`, 'u');
const ASCII_WORD_CHAR = /^[a-z0-9]$/;
const ASCII = /[\p{ASCII}]/u;

/** Every code point but the surrogates, as strings. */
function* everyCodePoint(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

let folds: [string, string][] | undefined;

/** Every token character, and what foldText makes of it (computed once: ~0.3 s). */
function everyTokenCharFolded(): [string, string][] {
  folds ??= Array.from(everyCodePoint())
    .filter((c) => isTokenChar.test(c))
    .map((c) => [c, foldText(c)]);
  return folds;
}

const hex = (c: string): string => c.codePointAt(0)?.toString(16) ?? '';

/**
 * Canonical combining class 0, without an API for it: canonical reordering moves a character of class c
 * before U+0345 (class 240) when 0 < c < 240, and after U+0316 (class 220) when c > 220.
 */
function isStarter(c: string): boolean {
  return `a\u0345${c}`.normalize('NFD') === `a\u0345${c}` && `a${c}\u0316`.normalize('NFD') === `a${c}\u0316`;
}

describe('folding, as the skip relies on it', () => {
  it('folds a token character by character: what NFD makes of one keeps its place once marks are gone', () => {
    // Canonical reordering moves only characters of a non-zero combining class; foldText drops marks,
    // so if all such characters are marks, folding a token is folding each of its characters in turn.
    expect([isStarter('a'), isStarter('\u0301'), isStarter('\u0345'), isStarter('\u0316')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const moving: string[] = [];
    for (const [c] of everyTokenCharFolded()) {
      for (const d of c.normalize('NFD').replace(/\p{M}/gu, '')) if (!isStarter(d)) moving.push(hex(c));
    }
    expect(moving).toEqual([]);
  });

  it('folds no token character into nothing, nor into ASCII but in its first character', () => {
    const wrong: string[] = [];
    for (const [c, folded] of everyTokenCharFolded()) {
      if (folded === '' || ASCII.test(folded.slice(1))) wrong.push(hex(c));
    }
    expect(wrong).toEqual([]);
  });

  it('folds a token character into one starting with the letter or digit x only if foldingInto(x) has it', () => {
    const classes = new Map<string, RegExp>();
    const classOf = (x: string): RegExp => {
      let re = classes.get(x);
      if (re === undefined) classes.set(x, (re = new RegExp(`^[${foldingInto(x)}]$`, 'u')));
      return re;
    };
    const missed: string[] = [];
    for (const [c, folded] of everyTokenCharFolded()) {
      const x = folded[0] ?? '';
      if (ASCII_WORD_CHAR.test(x) && !classOf(x).test(c)) missed.push(hex(c));
    }
    expect(missed).toEqual([]);
    // And holds nothing else: the candidate regex must start on a token character.
    for (const x of 'abcdefghijklmnopqrstuvwxyz0123456789') {
      for (const c of foldingInto(x))
        expect([x, c, isTokenChar.test(c) && foldText(c)[0] === x]).toEqual([x, c, true]);
    }
    expect(foldingInto('e')).toContain('É');
    expect(foldingInto('k')).toContain('\u212a');
    expect(foldingInto('a')).toContain('\u212b');
    expect(foldingInto('i')).toContain('İ');
  });
});

describe('the code point helpers of the walk back to the window start', () => {
  it('tell token characters as the tokenizer does, and step over surrogate pairs whole', () => {
    const wrong: string[] = [];
    for (const c of everyCodePoint()) {
      const text = `a${c}b`;
      if (isTokenCharAt(text, 1) !== isTokenChar.test(c) || codePointBefore(text, 1 + c.length) !== 1) {
        wrong.push(hex(c));
      }
    }
    expect(wrong).toEqual([]);
    // Lone surrogates are code points of their own, and not token characters.
    for (const text of ['a\ud800b', 'a\udc00b', 'a\udc00\ud800b']) {
      expect(codePointBefore(text, text.length - 1)).toBe(text.length - 2);
      expect(isTokenCharAt(text, text.length - 2)).toBe(false);
    }
  });
});

// ---- snippetOf against the reference.

const WORDS = [
  ...['error', 'errors', 'Error', 'ERROR', 'TypeError', 'err', 'erro', 'e', 'type', 'Uncaught', 'log'],
  ...['chunk', 'load', 'failed', 'the', 'charts', 'are', 'blank', 'page', 'id', 'abc', 'w1', 'kelvin'],
  ...['404', 'x404', '11', '58', '337', 'storefront', 'loaded', 'state', 'istanbul', 'angstrom'],
  ...['Café', 'ÉRROR', 'Érreur', 'erröneous', 'errör', 'Lumière', 'İstanbul', 'İ', 'ſtate', 'Straße'],
  ...['\u212aelvin', '\u212angstrom', 'ǅemal', 'ﬀ', 'ΣΊΣΥΦΟΣ', 'Ωmega', '٤٠٤', '\ue000'],
  ...['错误', 'エラー', '한국', '𝒜rror', '𝒜', '𝐞rror', 'Ⅻ', 'e\u0301rror', 'E\u0301RROR'],
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', ' [', '] ', '=', ':', '-', '', '\u0002', '\u0003'];
const ODD_SEPARATORS = ['\u0301', '😀', '\ud800', '\udc00', ' \u0002\u0003 ', '\u00a0', '—'];
const TERM_TEXTS = [
  ...['error', 'err', 'e', 'type', 'typeerror', 'cafe', 'erroneous', 'kelvin', 'angstrom', 'istanbul'],
  ...['state', '404', 'x404', 'w1', 'lumiere', 'uncaught', 'chunk', 'emal', 'strasse', 'ff'],
  ...['charts are blank', 'type error', 'uncaught typeerror', 'error 404', '11 58', 'chunk load'],
  ...['error error', 'the charts are blank page', 'e e e', 'log 11 58 337'],
  // Not for the skip, which must leave them to the slow path: not ASCII, inside (CJK, and an ASCII one),
  // too long a phrase.
  ...['ß', '错误', 'rror', 'ωmega', 'error log chunk load failed the charts are blank page'],
];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function words(rnd: () => number, count: number, odd: boolean): string {
  let s = '';
  for (let i = 0; i < count; i++) {
    s += pick(rnd, WORDS) + (odd && rnd() < 0.1 ? pick(rnd, ODD_SEPARATORS) : pick(rnd, SEPARATORS));
  }
  return s;
}

function termOf(rnd: () => number, text: string): HighlightTerm {
  const prefix = rnd() < 0.6;
  if (text === '错误' || text === 'rror') return { tokens: [text], prefix, inside: true };
  return { tokens: foldedTokens(text), prefix };
}

/** A few terms: from the list, or a stretch of the text itself so that long texts match in places. */
function termsFor(rnd: () => number, text: string): HighlightTerm[] {
  const n = 1 + Math.floor(rnd() * 3);
  const terms: HighlightTerm[] = [];
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.2) {
      const toks = foldedTokens(text);
      const at = Math.floor(rnd() * toks.length);
      terms.push({ tokens: toks.slice(at, at + 1 + Math.floor(rnd() * 3)), prefix: rnd() < 0.5 });
    } else terms.push(termOf(rnd, pick(rnd, TERM_TEXTS)));
  }
  return terms;
}

/** Filler that never matches the planted needle, with the needle at a given share of the text. */
function plantedText(rnd: () => number, fillerTokens: number, at: number, needle: string): string {
  const filler = ['noise', 'Café', 'x', 'TypeError', 'Lumière', '11', 'erreur', '𝒜', 'Ωmega', 'ſ'];
  const parts: string[] = [];
  for (let i = 0; i < fillerTokens; i++) parts.push(pick(rnd, filler));
  if (at >= 0) parts.splice(Math.floor(at * fillerTokens), 0, needle);
  return parts.join(rnd() < 0.5 ? ' ' : ', ');
}

function expectSame(text: string, terms: HighlightTerm[], size?: number): void {
  const want = referenceSnippetOf(text, terms, size);
  const got = size === undefined ? snippetOf(text, terms) : snippetOf(text, terms, size);
  if (got !== want) {
    // The failing case in full, to replay it.
    expect({ text: text.length > 2000 ? `${text.slice(0, 2000)}…` : text, terms, size, got }).toEqual({
      text: text.length > 2000 ? `${text.slice(0, 2000)}…` : text,
      terms,
      size,
      got: want,
    });
  }
}

describe('snippetOf, skipping, against the implementation that tokenized everything', () => {
  it('agrees on short and medium texts of every kind of character', () => {
    const rnd = prng(20261203);
    for (let n = 0; n < 4000; n++) {
      const text = words(rnd, Math.floor(rnd() * (rnd() < 0.8 ? 30 : 300)), rnd() < 0.3);
      const size = rnd() < 0.8 ? undefined : 1 + Math.floor(rnd() * 20);
      expectSame(text, termsFor(rnd, text), size);
    }
  });

  it('agrees where the match lies past the tokens the old scan kept (every 3 × 16 after the first 64)', () => {
    const rnd = prng(7);
    const needles = ['error', 'Error 404', 'TypeError', 'ÉRROR', 'the charts are blank page now'];
    for (let n = 0; n < 1500; n++) {
      const needle = pick(rnd, needles);
      const filler = Math.floor(rnd() * 260);
      const text = plantedText(rnd, filler, rnd() < 0.1 ? -1 : rnd(), needle);
      const terms = [termOf(rnd, pick(rnd, ['error', 'error 404', 'the charts are blank page', 'e e']))];
      if (rnd() < 0.3) terms.push(termOf(rnd, pick(rnd, TERM_TEXTS)));
      expectSame(text, terms, rnd() < 0.7 ? undefined : 1 + Math.floor(rnd() * 20));
    }
  });

  it('agrees on long texts with the match near the start, in the middle, at the end or nowhere', () => {
    const rnd = prng(42);
    for (let n = 0; n < 60; n++) {
      const at = pick(rnd, [0.01, 0.02, 0.5, 0.99, 1, -1]);
      const text = plantedText(
        rnd,
        3000 + Math.floor(rnd() * 3000),
        at,
        pick(rnd, ['[error]', 'e\u0301rror']),
      );
      expectSame(text, termsFor(rnd, text));
      expectSame(text, [termOf(rnd, 'error')]);
    }
    for (let n = 0; n < 20; n++) {
      const text = words(rnd, 4000, true);
      expectSame(text, termsFor(rnd, text));
    }
  });

  it('agrees on the cases worked out by hand', () => {
    const error: HighlightTerm = { tokens: ['error'], prefix: true };
    const cases: [string, HighlightTerm[]][] = [
      ['TypeError: x', [error]],
      ['ÉRROR here', [error]],
      ['e\u0301rror', [{ tokens: ['rror'], prefix: true }]],
      ['\u212aelvin', [{ tokens: ['kelvin'], prefix: false }]],
      ['𝒜 b c d e f g h i j k l m n o p q r s t error', [error]],
      ['..., a b c d e f g h i j k l m n o p error', [error]],
      ['a b c d e f g h i j k l m n o p error', [error]],
      ['..., a b c d e f g h i j k l m n o error', [error]],
      ['a b c d e f g h i j k l m n o error', [error]],
      ['a b c d e f g h i j k l m n o error end', [error]],
      ['ΩError error', [error]],
      ['\ud835 a b c d e f g h i j k l m n o error', [error]],
      ['\udc00a b c d e f g h i j k l m n o \ud835error', [error]],
      ['𝒜a b c d e f g h i j k l m n o\ud835\udc9c error', [error]],
      ['TypeError', [{ tokens: ['rror'], prefix: true, inside: true }]],
      ['!!a b c d e f g h i j k l m n o p q error', [error]],
      [`${'x '.repeat(63)}error`, [error]],
      [`${'x '.repeat(64)}error`, [error]],
      [`${'x '.repeat(65)}error end`, [{ tokens: ['error', 'end'], prefix: false }]],
      [`${'x '.repeat(1000)}error a b`, [error]],
      ['\u0002error\u0003', [error]],
      ['errors error', [{ tokens: ['error'], prefix: false }]],
      ['', [error]],
    ];
    for (const [text, terms] of cases) expectSame(text, terms);
  });
});
