import { describe, expect, it } from 'vitest';
import { splitMatches, splitSnippet } from '../../src/renderer/src/logic/snippet';
import {
  SNIPPET_MARK_END,
  SNIPPET_MARK_START,
  splitSnippet as mainSplit,
} from '../../src/main/search/markers';

const S = SNIPPET_MARK_START;
const E = SNIPPET_MARK_END;

describe('renderer splitSnippet', () => {
  it('flags the marked words and keeps the rest as plain text', () => {
    expect(splitSnippet(`…the ${S}checkout${E} failed with ${S}error${E}`)).toEqual([
      { text: '…the ', match: false },
      { text: 'checkout', match: true },
      { text: ' failed with ', match: false },
      { text: 'error', match: true },
    ]);
  });

  it('keeps markup-looking text as text', () => {
    const parts = splitSnippet(`<img src=x onerror=alert(1)> ${S}<script>${E}`);
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> <script>');
    expect(parts[1]).toEqual({ text: '<script>', match: true });
  });

  it('agrees with the main process on unpaired and empty markers', () => {
    for (const s of [
      `${S}open`,
      `close${E}`,
      `${S}${E}`,
      `${E}${S}x`,
      '',
      'plain',
      `a${S}b${S}c${E}d${E}e`,
    ]) {
      expect(splitSnippet(s)).toEqual(mainSplit(s));
    }
  });
});

describe('splitMatches', () => {
  it('highlights every occurrence, ignoring case', () => {
    expect(splitMatches('Error: error ERROR', 'error')).toEqual([
      { text: 'Error', match: true },
      { text: ': ', match: false },
      { text: 'error', match: true },
      { text: ' ', match: false },
      { text: 'ERROR', match: true },
    ]);
  });

  it('returns the whole line unmarked when the needle is empty or absent', () => {
    expect(splitMatches('abc', '')).toEqual([{ text: 'abc', match: false }]);
    expect(splitMatches('abc', 'z')).toEqual([{ text: 'abc', match: false }]);
  });
});
