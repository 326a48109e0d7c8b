// Page arithmetic as the real API (Rails + pagy) does it. Decisions, where the spec is silent:
// - `page` is read like Ruby's String#to_i (leading integer, "2abc" → 2, "abc" → 0) and anything below
//   1 is served as page 1. Bare pagy would raise VariableError (a 500 unless rescued); an API that
//   clamps is the friendlier and more common choice, and the demo must never answer 500 by itself.
// - A page past the end is pagy's `overflow: :empty_page`: 200, records [], from/to 0, prev_page the
//   last page, no next_page, `page` echoing the request.
// - An empty account has count 0, pages 1, last_page 1, from/to 0 on page 1.
// - `items` is always the page size (the spec's "number of items per page"), also on a short last page.
// - next_page and prev_page are left out, not null, when they don't apply, as the public docs say.
import type { Pagination } from '../../shared/screendesk-api';

/** Where a page starts and ends in the full list, and the pagination object describing it. */
export interface PageSlice {
  pagination: Pagination;
  /** Index of the first record of the page in the full list (inclusive). */
  start: number;
  /** Index after the last record of the page (exclusive). */
  end: number;
}

/** The page number a `page` query value asks for (Ruby to_i semantics, at least 1). */
export function parsePageParam(raw: string | null | undefined): number {
  if (raw === null || raw === undefined) return 1;
  const match = /^\s*([+-]?\d+)/.exec(raw);
  if (!match?.[1]) return 1;
  const n = Number(match[1]);
  if (!Number.isFinite(n) || n < 1) return 1;
  // Huge numbers are simply past the end; keep them exact integers for JSON.
  return Math.min(n, Number.MAX_SAFE_INTEGER);
}

/** Pagination of `count` records, `items` per page, for the requested `page` (already ≥ 1). */
export function paginate(count: number, page: number, items: number): PageSlice {
  const size = Math.max(1, Math.floor(items));
  const pages = Math.max(1, Math.ceil(count / size));
  if (page > pages) {
    return {
      pagination: { count, page, items: size, pages, last_page: pages, from: 0, to: 0, prev_page: pages },
      start: 0,
      end: 0,
    };
  }
  const start = (page - 1) * size;
  const end = Math.min(start + size, count);
  const pagination: Pagination = {
    count,
    page,
    items: size,
    pages,
    last_page: pages,
    from: count === 0 ? 0 : start + 1,
    to: end,
  };
  if (page > 1) pagination.prev_page = page - 1;
  if (page < pages) pagination.next_page = page + 1;
  return { pagination, start, end };
}
