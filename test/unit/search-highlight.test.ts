import { describe, expect, it } from 'vitest';
import type { HighlightTerm, SnippetTexts } from '../../src/main/search/highlight';
import { NO_TEXTS, bestSnippet, foldedTokens, snippetOf } from '../../src/main/search/highlight';
import {
  SNIPPET_ELLIPSIS as E,
  SNIPPET_MARK_END as B,
  SNIPPET_MARK_START as A,
} from '../../src/main/search/markers';

const word = (text: string): HighlightTerm => ({ tokens: foldedTokens(text), prefix: true });
const phrase = (text: string): HighlightTerm => ({ tokens: foldedTokens(text), prefix: false });
const none: SnippetTexts = NO_TEXTS;

describe('snippetOf', () => {
  it('marks prefix matches, case- and accent-insensitively, keeping the original text', () => {
    expect(snippetOf('Erreur — Café Lumière', [word('cafe'), word('LUMI')])).toBe(
      `Erreur — ${A}Café${B} ${A}Lumière${B}`,
    );
  });

  it('marks a phrase as one stretch, and only where its words follow each other', () => {
    const text = 'blank page; the charts are blank again';
    expect(snippetOf(text, [phrase('charts are blank')])).toBe(
      `blank page; the ${A}charts are blank${B} again`,
    );
    expect(snippetOf('the charts were blank', [phrase('charts are blank')])).toBeNull();
  });

  it('matches a whole word, not a prefix, where the index does', () => {
    expect(snippetOf('tyre and ty', [{ tokens: ['ty'], prefix: false }])).toBe(`tyre and ${A}ty${B}`);
  });

  it('cuts long text to 16 tokens around the first match, with ellipses where it was cut', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const s = snippetOf(words.join(' '), [word('w50')]);
    expect(s?.startsWith(E)).toBe(true);
    expect(s?.endsWith(E)).toBe(true);
    expect(s).toContain(`${A}w50${B}`);
    expect(foldedTokens(s ?? '')).toHaveLength(16);
  });

  it('keeps the start of the text when the match is near it', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const s = snippetOf(`[error] ${words.join(' ')}`, [word('error')]);
    expect(s?.startsWith(`[${A}error${B}] w0`)).toBe(true);
    expect(s?.endsWith(E)).toBe(true);
  });

  it('blanks the marker characters that recording text contains, so nothing can forge a highlight', () => {
    expect(snippetOf(`Fake \u0002bold\u0003 title`, [word('title')])).toBe(`Fake  bold  ${A}title${B}`);
  });

  it('finds a match after megabytes of text without stopping at the first kilobytes', () => {
    const logs = `${'noise line\n'.repeat(200_000)}ChunkLoadError: loading chunk 7 failed`;
    expect(snippetOf(logs, [word('chunkloaderror')])).toContain(`${A}ChunkLoadError${B}`);
  });

  it('keeps a phrase whole when it starts long after the text does', () => {
    const text = `${'x '.repeat(1000)}the charts are blank now`;
    expect(snippetOf(text, [phrase('charts are blank')])).toContain(`${A}charts are blank${B} now`);
  });

  it('returns null without a match', () => {
    expect(snippetOf('nothing here', [word('absent')])).toBeNull();
    expect(snippetOf('', [word('absent')])).toBeNull();
  });
});

describe('bestSnippet', () => {
  it('takes the first column, in title-to-logs order, that holds a match', () => {
    const texts = { ...none, summary: 'Upload stuck', logs: '[error] upload failed' };
    expect(bestSnippet(texts, [word('upload')])).toBe(`${A}Upload${B} stuck`);
    expect(bestSnippet(texts, [word('failed')])).toBe(`[error] upload ${A}failed${B}`);
  });

  it('keeps column-limited terms (customer:, user:) to their column', () => {
    const texts = { ...none, title: 'Hana called', customer: 'hana.garcia@shop.example' };
    const customerOnly: HighlightTerm = { ...word('hana'), column: 'customer' };
    expect(bestSnippet(texts, [customerOnly])).toBe(`${A}hana${B}.garcia@shop.example`);
  });

  it('is null when no column matches', () => {
    expect(bestSnippet({ ...none, title: 'Something else' }, [word('absent')])).toBeNull();
  });
});
