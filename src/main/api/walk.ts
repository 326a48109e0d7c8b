import { cancelledError, isApiError } from './errors';
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
 * Why a walk ended: 'end' (no page said there was more), 'empty' (a page came back empty), 'no_progress'
 * (several pages in a row brought no new uuid), 'beyond_count' (far more pages than the first page
 * announced), 'max_pages' (the absolute cap).
 */
export type WalkStop = 'end' | 'empty' | 'no_progress' | 'beyond_count' | 'max_pages';

/** A page as walkPages hands it on: records already seen earlier in the walk are removed. */
export interface WalkedPage extends RecordingPage {
  /** Records dropped because their uuid came on an earlier page (or twice on this one). */
  duplicates: number;
}

/** How many pages may be in flight; the sync's AdaptiveLimit fits (it slows down on 429). */
export interface WalkLimit {
  readonly current: number;
  succeeded(): void;
}

/** Options for walkPages. */
export interface WalkOptions {
  /** Pages in flight at once (default 1: one after another). */
  limit?: WalkLimit;
  /** Most pages this walk will fetch (default DEFAULT_MAX_PAGES). */
  maxPages?: number;
  /** Consecutive pages without a new uuid that end the walk (default 3). */
  maxBarrenPages?: number;
  signal?: AbortSignal;
}

/** What a whole walk saw. */
export interface WalkSummary {
  /** Page 1 as it arrived (duplicates not yet removed): pull reads it again at the end to compare. */
  first: RecordingPage;
  stop: WalkStop;
  /** List requests made, whatever their outcome. */
  requests: number;
  /** Distinct uuids seen. */
  distinct: number;
  /**
   * Why this walk does not prove it saw every recording, in plain words for the sync summary; null when
   * it does: at least as many distinct recordings as the server said exist (every page saying the same
   * count), and no page empty or short before the last. Page 1 reading the same at the end is the
   * caller's part of the proof (it costs a request, worth it only when something is missing).
   */
  gap: string | null;
}

// What the walk keeps per page it fetched, to judge completeness at the end.
interface PageFacts {
  /** Items the page held, duplicates and unusable ones included. */
  raw: number;
  perPage: number;
  /** The page's request failed with a 404: read as the end of the list, never as "nothing there". */
  notFound: boolean;
}

/**
 * Fetches the pages of GET /recordings and hands each to `onPage` (in the order they arrive), and never
 * more pages than exist, whatever the pagination claims. Page 1 comes first, alone; then up to
 * `limit.current` pages are in flight, launched in ascending order, but only as far as some page's
 * evidence reaches: its totals or a forward next_page (normalizePagination's `next` and `pages`). The
 * first page that comes back empty (or 404, past page 1) stops all higher pages from being issued, so
 * a server claiming a million pages with three real ones costs the three, the empty one, and the few
 * that were already in flight beside it. Further guards: duplicates are removed (records shift between
 * pages while the account changes; a broken server may repeat a page forever), a few barren pages in
 * a row end the walk, so does twice (+10) the page total page 1 announced (records added meanwhile are
 * tolerated, a count that grows with every page is not), and an absolute page cap.
 *
 * A failed page fails the walk, unless a lower page already came back empty (it was past the end);
 * pages above a failed one are cancelled. Memory grows only with the number of distinct uuids seen.
 */
export async function walkPages(
  source: PageSource,
  onPage: (page: WalkedPage) => Promise<void> | void,
  opts: WalkOptions = {},
): Promise<WalkSummary> {
  const maxPages = Math.max(1, Math.floor(opts.maxPages ?? DEFAULT_MAX_PAGES));
  const maxBarren = Math.max(1, Math.floor(opts.maxBarrenPages ?? 3));
  const limit = opts.limit ?? { current: 1, succeeded: () => undefined };
  const { signal } = opts;
  const seen = new Set<string>();
  const facts = new Map<number, PageFacts>();
  const counts = new Set<number | null>();
  let requests = 0;
  let barren = 0;
  let reach = 1; // the highest page some page's pagination says exists
  let emptyAt = Number.POSITIVE_INFINITY; // the lowest page that came back empty (or 404)
  let guard: WalkStop | null = null;
  const failures = new Map<number, unknown>();

  const take = async (page: number, result: RecordingPage): Promise<void> => {
    const raw = result.records.length + result.skipped;
    facts.set(page, { raw, perPage: result.pagination.perPage, notFound: false });
    counts.add(result.pagination.count);
    if (raw === 0) {
      emptyAt = Math.min(emptyAt, page);
      return;
    }
    const fresh: RecordingEntry[] = [];
    for (const entry of result.records) {
      if (seen.has(entry.uuid)) continue;
      seen.add(entry.uuid);
      fresh.push(entry);
    }
    barren = fresh.length === 0 ? barren + 1 : 0;
    if (barren >= maxBarren) guard ??= 'no_progress';
    const { next, pages, pagesKnown } = result.pagination;
    if (next !== null) reach = Math.max(reach, next, pagesKnown ? pages : next);
    await onPage({ ...result, records: fresh, duplicates: result.records.length - fresh.length });
  };

  requests++;
  const first = await source.listRecordings(1, { signal });
  await take(1, first);
  const pageLimit = first.pagination.pagesKnown
    ? Math.max(first.pagination.pages * 2, first.pagination.pages + 10)
    : Number.POSITIVE_INFINITY;

  const running = new Map<number, { run: Promise<void>; controller: AbortController }>();
  const launch = (page: number): void => {
    const controller = new AbortController();
    const pageSignal = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
    requests++;
    const run = source
      .listRecordings(page, { signal: pageSignal })
      .then(async (result) => {
        limit.succeeded();
        await take(page, result);
      })
      .catch((error: unknown) => {
        if (page > 1 && isApiError(error, 'not_found')) {
          facts.set(page, { raw: 0, perPage: 0, notFound: true });
          emptyAt = Math.min(emptyAt, page);
          return;
        }
        failures.set(page, error);
        // Pages above a failed one cannot matter: either the walk fails, or they are past the end.
        for (const [other, entry] of running) if (other > page) entry.controller.abort(error);
      })
      .finally(() => running.delete(page));
    running.set(page, { run, controller });
  };

  let next = 2;
  for (;;) {
    while (
      running.size < limit.current &&
      failures.size === 0 &&
      guard === null &&
      signal?.aborted !== true
    ) {
      if (next > reach || next >= emptyAt) break;
      if (next > maxPages) guard = 'max_pages';
      else if (next > pageLimit) guard = 'beyond_count';
      else launch(next++);
    }
    if (running.size === 0) break;
    await Promise.race([...running.values()].map((entry) => entry.run));
  }
  // Cancelled between two requests: nothing failed, but the walk is not whole.
  if (signal?.aborted === true) throw cancelledError();
  for (const [page, error] of [...failures].sort(([a], [b]) => a - b)) {
    if (page < emptyAt) throw error;
  }

  const stop: WalkStop = guard ?? (Number.isFinite(emptyAt) ? 'empty' : 'end');
  return {
    first,
    stop,
    requests,
    distinct: seen.size,
    gap: findGap(stop, facts, counts, seen.size, emptyAt),
  };
}

const GUARD_WORDS: Partial<Record<WalkStop, string>> = {
  no_progress: 'the server kept sending recordings already seen',
  beyond_count: "the server's pages went on far past the total it announced",
  max_pages: "the server's pages did not end",
};

/** The first reason, in page order, that the walk may have missed a live recording; null if none. */
function findGap(
  stop: WalkStop,
  facts: ReadonlyMap<number, PageFacts>,
  counts: ReadonlySet<number | null>,
  distinct: number,
  emptyAt: number,
): string | null {
  const guard = GUARD_WORDS[stop];
  if (guard !== undefined) return guard;
  const incomplete = (what: string): string => `the server's pages were incomplete: ${what}`;
  const pages = [...facts.keys()].sort((a, b) => a - b);
  const lastWithRecords = pages.filter((p) => (facts.get(p)?.raw ?? 0) > 0).at(-1) ?? 0;
  const describe = (page: number, f: PageFacts): string =>
    f.notFound
      ? `page ${page} answered 404`
      : f.raw === 0
        ? `page ${page} came back empty`
        : `page ${page} came back with only ${f.raw} of ${f.perPage} recordings`;
  for (const page of pages) {
    const f = facts.get(page) as PageFacts;
    if (page < lastWithRecords && f.raw < f.perPage) return incomplete(describe(page, f));
  }
  if (counts.has(null)) return 'the server did not say how many recordings there are';
  if (counts.size > 1) return 'the account changed during the sync';
  const [count] = counts as ReadonlySet<number>;
  if (distinct >= (count ?? 0)) return null;
  const ended = facts.get(emptyAt);
  if (ended !== undefined) return incomplete(describe(emptyAt, ended));
  return incomplete(`they held ${distinct} of the ${count} recordings the server reported`);
}
