import { DEFAULT_MAX_PAGES, type NormalizedPagination } from './pagination';
import type { RecordingEntry } from './parse';

/** One page of GET /recordings, parsed and normalized. */
export interface RecordingPage {
  records: RecordingEntry[];
  pagination: NormalizedPagination;
  /** The server's pagination object as sent. */
  rawPagination: unknown;
  /** Items dropped because they had no usable uuid. */
  skipped: number;
}

/** Anything that can fetch a page of recordings (the client, or a stand-in in tests). */
export interface PageSource {
  listRecordings(page: number, opts?: { signal?: AbortSignal }): Promise<RecordingPage>;
}

/**
 * Why a walk ended: 'end' (the pagination said so), 'empty' (a page with no records), 'no_progress'
 * (several pages in a row brought no new uuid), 'beyond_count' (far more pages than the first page
 * announced), 'max_pages' (the absolute cap).
 */
export type WalkStop = 'end' | 'empty' | 'no_progress' | 'beyond_count' | 'max_pages';

/** A page as walkPages yields it: records already seen earlier in the walk are removed. */
export interface WalkedPage extends RecordingPage {
  /** Records dropped because their uuid came on an earlier page (or twice on this one). */
  duplicates: number;
  /** Set on the last page of the walk only. */
  stop: WalkStop | null;
}

/** Options for walkPages. */
export interface WalkOptions {
  /** First page to fetch (default 1); a sync that fetched 1..N concurrently continues at N + 1. */
  startPage?: number;
  /** Most pages this walk will fetch (default DEFAULT_MAX_PAGES). */
  maxPages?: number;
  /** Consecutive pages without a new uuid that end the walk (default 3). */
  maxBarrenPages?: number;
  signal?: AbortSignal;
}

/**
 * Fetches pages one after another until the server's pagination ends, and never longer. Guards, on
 * top of normalizePagination's: duplicates are removed (records shift between pages when the account
 * changes during a walk, and a broken server may repeat a page forever); a few barren pages in a row
 * stop the walk; the walk stops at twice (+10) the page total the first page announced, which
 * tolerates recordings added meanwhile but not a count that grows with every page; and an absolute
 * page cap. Memory grows only with the number of distinct uuids seen.
 */
export async function* walkPages(source: PageSource, opts: WalkOptions = {}): AsyncGenerator<WalkedPage> {
  const startPage = Math.max(1, Math.floor(opts.startPage ?? 1));
  const maxPages = Math.max(1, Math.floor(opts.maxPages ?? DEFAULT_MAX_PAGES));
  const maxBarren = Math.max(1, Math.floor(opts.maxBarrenPages ?? 3));
  const seen = new Set<string>();
  let pageLimit = Number.POSITIVE_INFINITY;
  let barren = 0;
  let page: number | null = startPage;
  for (let fetched = 1; page !== null; fetched++) {
    const result = await source.listRecordings(page, { signal: opts.signal });
    const fresh: RecordingEntry[] = [];
    for (const entry of result.records) {
      if (seen.has(entry.uuid)) continue;
      seen.add(entry.uuid);
      fresh.push(entry);
    }
    const { pagination } = result;
    if (fetched === 1 && pagination.pagesKnown) {
      pageLimit = Math.max(pagination.pages * 2, pagination.pages + 10);
    }
    barren = fresh.length === 0 ? barren + 1 : 0;
    let stop: WalkStop | null = null;
    if (pagination.next === null)
      stop = result.records.length === 0 && result.skipped === 0 ? 'empty' : 'end';
    else if (barren >= maxBarren) stop = 'no_progress';
    else if (pagination.next > pageLimit) stop = 'beyond_count';
    else if (fetched >= maxPages) stop = 'max_pages';
    yield { ...result, records: fresh, duplicates: result.records.length - fresh.length, stop };
    page = stop === null ? pagination.next : null;
  }
}
