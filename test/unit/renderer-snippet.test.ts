import { describe, expect, it } from 'vitest';
import { splitMatches, splitSnippet } from '../../src/renderer/src/logic/snippet';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../src/shared/snippet';

const S = SNIPPET_MARK_START;
const E = SNIPPET_MARK_END;

describe('splitSnippet (shared by the main process and the renderer)', () => {
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

  it('tolerates unpaired and empty markers without losing text', () => {
    expect(splitSnippet(`${S}open`)).toEqual([{ text: 'open', match: true }]);
    expect(splitSnippet(`close${E}`)).toEqual([{ text: 'close', match: false }]);
    expect(splitSnippet(`${S}${E}`)).toEqual([]);
    expect(splitSnippet(`a${S}b${S}c${E}d${E}e`)).toEqual([
      { text: 'a', match: false },
      { text: 'b', match: true },
      { text: 'c', match: true },
      { text: 'd', match: false },
      { text: 'e', match: false },
    ]);
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
