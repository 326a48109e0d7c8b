import { isRecord, objectOf } from '../../shared/json-object';
import { ApiError } from './errors';

// Pagination as the server reports it cannot be trusted to end: a broken or hostile server may claim
// millions of pages, send negative numbers, strings or nulls, point next_page backwards or at itself,
// or keep sending records forever. This file turns whatever came into a small, bounded, self-
// consistent view. Per the public docs, fields that do not apply are ABSENT (no next_page on the last
// page, no prev_page on the first), and null is treated exactly like absent.

/** Absolute ceiling on page numbers, whatever the server claims. */
export const DEFAULT_MAX_PAGES = 100_000;
/** Page size assumed when the server does not say and the page is empty (the docs' example size). */
const DEFAULT_PER_PAGE = 100;

/** A sane reading of one page's pagination. */
export interface NormalizedPagination {
  /** The page this answer is for (always the page asked for). */
  page: number;
  /** Records per page: the larger of the reported `items` and what actually arrived. */
  perPage: number;
  /** Total records as reported, or null when absent or nonsensical. */
  count: number | null;
  /** Best bounded estimate of the last page (1..maxPages); exact only when `pagesKnown`. */
  pages: number;
  /** True when `pages` comes from `count` or a reported page total, false when guessed. */
  pagesKnown: boolean;
  /** The page to fetch next, or null to stop. Always page + 1 when not null: pages are never skipped. */
  next: number | null;
  /** Human-readable notes on what was inconsistent (for logs); empty for a well-behaved server. */
  anomalies: string[];
}

/** Options for normalizePagination. */
export interface NormalizeOptions {
  /** Absolute page ceiling (default DEFAULT_MAX_PAGES). */
  maxPages?: number;
}

/**
 * A non-negative safe integer from a number or a string of digits ("3" from a sloppy serializer);
 * null for anything else (negative, fractional, NaN, null, objects, "3 pages").
 */
export function readCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * Normalizes one page's raw pagination. `recordsOnPage` is the number of items the page held (usable
 * or not). Throws a 'bad_response' ApiError when the server says it answered a different page than the
 * one asked for: the records could not be trusted to belong where we would put them.
 */
export function normalizePagination(
  raw: unknown,
  requestedPage: number,
  recordsOnPage: number,
  opts: NormalizeOptions = {},
): NormalizedPagination {
  const maxPages = Math.max(1, Math.floor(opts.maxPages ?? DEFAULT_MAX_PAGES));
  const anomalies: string[] = [];
  const fields = objectOf(raw);
  const note = (key: string, text: string): void => {
    if (fields[key] !== undefined && fields[key] !== null) anomalies.push(text);
  };
  if (raw !== undefined && !isRecord(raw)) {
    anomalies.push('pagination is not an object');
  }

  const page = requestedPage;
  const reportedPage = readCount(fields.page);
  if (reportedPage !== null && reportedPage !== page) {
    throw new ApiError({
      code: 'bad_response',
      message: `The server answered page ${reportedPage} when page ${page} was asked for`,
    });
  }
  if (reportedPage === null) note('page', 'page is not a number');

  // A reported `items` below what actually arrived is a lie; above it is a short (last) page.
  const items = readCount(fields.items);
  if (items === null) note('items', 'items is not a number');
  if (items !== null && items < recordsOnPage) anomalies.push(`items (${items}) < records on page`);
  const perPage = Math.max(items ?? 0, recordsOnPage) || DEFAULT_PER_PAGE;

  const count = readCount(fields.count);
  if (count === null) note('count', 'count is not a number');

  // The count is what the data implies, so it bounds the page total when present; a reported page
  // total (pages, else last_page) is used only without a count. Both are clamped to maxPages.
  const declared = readCount(fields.pages) ?? readCount(fields.last_page);
  let pages: number;
  let pagesKnown = true;
  if (count !== null) {
    pages = Math.max(1, Math.ceil(count / perPage));
    if (declared !== null && declared !== pages && !(count === 0 && declared === 0)) {
      anomalies.push(`pages (${declared}) disagrees with count/items (${pages})`);
    }
  } else if (declared !== null) {
    pages = Math.max(1, declared);
  } else {
    pagesKnown = false;
    pages = page;
  }

  const rawNext = readCount(fields.next_page);
  if (rawNext === null) note('next_page', 'next_page is not a number');
  if (rawNext !== null && rawNext <= page) anomalies.push(`next_page (${rawNext}) does not move forward`);
  if (rawNext !== null && rawNext > page + 1) anomalies.push(`next_page (${rawNext}) skips pages`);
  const forward = rawNext !== null && rawNext > page;

  // Whether there is more: the totals or a forward next_page, either one. A total that says more where
  // next_page is missing costs one request that comes back empty at worst; a next_page that says more
  // where the totals end (items overstated, count understated) is followed, or the records past the
  // totals would be lost. An empty page always ends the walk: it is past the end (or the account is
  // empty), whatever the numbers say. What keeps a lying next_page bounded is walkPages' business.
  let more = (pagesKnown && page < pages) || forward;
  if (recordsOnPage === 0) {
    if (more) anomalies.push('empty page before the reported end');
    more = false;
  }
  if (!pagesKnown && more) pages = page + 1;
  if (pages > maxPages) {
    anomalies.push(`page total (${pages}) capped at ${maxPages}`);
    pages = maxPages;
  }
  const next = more && page + 1 <= maxPages ? page + 1 : null;
  return { page, perPage, count, pages, pagesKnown, next, anomalies };
}
