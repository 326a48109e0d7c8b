// Search snippets arrive as plain text with matches wrapped in U+0002 … U+0003 (src/shared/snippet.ts).
// Recording text is customer-controlled, so the UI never builds markup from it: it splits on the markers
// and renders each piece as a text node.

import type { SnippetPart } from '../../../shared/snippet';

export { splitSnippet } from '../../../shared/snippet';
export type { SnippetPart } from '../../../shared/snippet';

/** Splits `text` around every case-insensitive occurrence of `needle` (for find-in-logs highlighting). */
export function splitMatches(text: string, needle: string): SnippetPart[] {
  if (needle === '') return text === '' ? [] : [{ text, match: false }];
  const parts: SnippetPart[] = [];
  const hay = text.toLowerCase();
  const low = needle.toLowerCase();
  // Lower-casing can change lengths (e.g. 'İ'); fall back to no highlighting rather than cut wrongly.
  if (hay.length !== text.length) return [{ text, match: false }];
  let from = 0;
  for (;;) {
    const at = hay.indexOf(low, from);
    if (at === -1) break;
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + low.length), match: true });
    from = at + low.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}
