// Keyboard movement in the result list: ↑/↓ or k/j by one, PageUp/PageDown by a screen, Home/End to
// the ends. Pure, so the rules are tested without a DOM.

/** What a key does to the active row: the new index, 'open', or null when the key is not ours. */
export type ListKeyResult = { move: number } | { open: true } | null;

/** The outcome of `key` with row `active` of `total` active and `page` rows on screen. */
export function listKey(key: string, active: number, total: number, page: number): ListKeyResult {
  if (total <= 0) return null;
  const clamp = (i: number): number => Math.min(total - 1, Math.max(0, i));
  const from = active < 0 ? -1 : active;
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return { move: clamp(from + 1) };
    case 'ArrowUp':
    case 'k':
      return { move: clamp(from < 0 ? 0 : from - 1) };
    case 'PageDown':
      return { move: clamp(from + Math.max(1, page)) };
    case 'PageUp':
      return { move: clamp(from - Math.max(1, page)) };
    case 'Home':
      return { move: 0 };
    case 'End':
      return { move: total - 1 };
    case 'Enter':
      return from >= 0 ? { open: true } : null;
    default:
      return null;
  }
}

/** Page numbers (0-based, of `pageSize` rows) covering rows first..last. */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last < first || pageSize <= 0) return [];
  const pages: number[] = [];
  for (let p = Math.floor(Math.max(0, first) / pageSize); p <= Math.floor(last / pageSize); p++)
    pages.push(p);
  return pages;
}
