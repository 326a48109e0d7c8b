// Text as the search index compares it: lower case, without diacritics ("Café" → "cafe"). Used for
// highlighting (src/main/search/highlight.ts) and for the folded title and summary relevance ranks by.
const COMBINING = /\p{M}/gu;
const ASCII = /^[\p{ASCII}]*$/u;

/** `text` in lower case, without diacritics. */
export function foldText(text: string): string {
  // Most text is ASCII, and normalize() is most of the cost of folding the rest.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(COMBINING, '').toLowerCase();
}
