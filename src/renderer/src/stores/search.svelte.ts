// The search as you type: the query, its total, and the result rows fetched page by page as the list
// scrolls (never all at once: 100,000 results are 1,000 pages, of which a screen needs one or two).
// Each run has a generation; an answer for an older generation is dropped, so a slow response to "ab"
// can never overwrite the results for "abc". One per account (stores/account.svelte.ts): another
// account starts with an empty query.
import { SvelteMap } from 'svelte/reactivity';
import type { IpcError, RendererApi, SearchHit, SearchResult } from '@shared/contract';
import { systemTimeZone } from '@shared/time-zone';
import { pagesFor } from '../logic/list-keys';

/** Rows per request. */
const PAGE_SIZE = 100;
/** Typing settles for this long before a search runs. */
const DEBOUNCE_MS = 100;
/**
 * The first page of a query counts at most this many matches, so a broad word's rows do not wait for
 * counting all of them ("10,000+ recordings"); the exact number is asked for right after.
 */
const COUNT_UP_TO = 10_000;

export type SortChoice = 'auto' | SearchResult['sort'];

/** The search box's query and its results, page by page. */
export class SearchState {
  /** The text in the search box (qualifiers included). */
  query = $state('');
  sort = $state<SortChoice>('auto');
  /** Matches of the current query; null until the first answer. */
  total = $state<number | null>(null);
  /** False while `total` is only a lower bound ("10,000+"), until the exact count arrives. */
  totalExact = $state(true);
  /** The order the service applied. */
  appliedSort = $state<SearchResult['sort'] | null>(null);
  /** Why the current query can match nothing (shown under the search box), or null. */
  reason = $state<string | null>(null);
  /** A search is on its way (the first page of a new query). */
  loading = $state(false);
  error = $state<IpcError | null>(null);
  /** The highlighted row (keyboard and mouse), -1 for none. */
  active = $state(-1);
  /** Bumped when a new result set arrives, so the list re-requests the pages it shows. */
  generation = $state(0);
  /** Bumped when a new query's results arrive (not on a refresh), so the list scrolls back to the top. */
  resets = $state(0);
  private readonly pages = new SvelteMap<number, SearchHit[]>();
  /** Pages on their way (bookkeeping, never shown: a plain Set on purpose). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly inflight = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private runId = 0;
  /** The run on its way, if any. */
  private current: Promise<void> | null = null;
  private readonly api: RendererApi;

  constructor(api: RendererApi) {
    this.api = api;
  }

  /** The row at `index`, or undefined while its page is loading. */
  hit(index: number): SearchHit | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Sets the query and searches once typing settles. */
  setQuery(q: string): void {
    this.query = q;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, DEBOUNCE_MS);
  }

  /** Runs a search still waiting for typing to settle, now; resolves when its results are in. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) await this.run();
    else await this.current;
  }

  setSort(s: SortChoice): void {
    this.sort = s;
    void this.run();
  }

  private args(offset: number): {
    query: string;
    limit: number;
    offset: number;
    sort?: SearchResult['sort'];
    timeZone: string;
  } {
    // The window's zone, read per search so a change of the system's zone is followed: `created:` then
    // means the days the list shows (dates are formatted in this same zone).
    const base = { query: this.query, limit: PAGE_SIZE, offset, timeZone: systemTimeZone() };
    return this.sort === 'auto' ? base : { ...base, sort: this.sort };
  }

  /**
   * Runs the current query from its first page. `keep` keeps the rows on screen until the answer
   * arrives (a refresh after a sync) instead of showing the loading state.
   */
  run(keep = false): Promise<void> {
    const running = this.runNow(keep);
    this.current = running;
    void running.finally(() => {
      if (this.current === running) this.current = null;
    });
    return running;
  }

  private async runNow(keep: boolean): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const id = ++this.runId;
    this.inflight.clear();
    if (!keep) this.loading = true;
    const r = await this.api['search:query']({ ...this.args(0), countUpTo: COUNT_UP_TO });
    if (id !== this.runId) return;
    this.loading = false;
    if (!r.ok) {
      this.error = r.error;
      if (!keep) {
        this.pages.clear();
        this.total = null;
      }
      return;
    }
    this.error = null;
    this.pages.clear();
    this.pages.set(0, r.value.results);
    this.total = r.value.total;
    this.totalExact = r.value.totalExact !== false;
    if (!this.totalExact) void this.countExactly(id);
    this.appliedSort = r.value.sort;
    this.reason = r.value.reason;
    if (!keep) {
      this.active = r.value.total > 0 ? 0 : -1;
      this.resets++;
    } else if (this.active >= r.value.total) this.active = r.value.total - 1;
    // Nothing was found before (no highlight) and the refresh brings results: the top one, as for a
    // new query, so that Enter opens it.
    else if (this.active < 0 && r.value.total > 0) this.active = 0;
    this.generation++;
  }

  /** Asks for the exact count of run `id`'s query (its first page said only "at least"). */
  private async countExactly(id: number): Promise<void> {
    const r = await this.api['search:query']({ ...this.args(0), limit: 1 });
    if (id !== this.runId || !r.ok || this.totalExact) return;
    this.total = r.value.total;
    this.totalExact = true;
  }

  /** Fetches the pages covering rows first..last that are not loaded yet. */
  ensureRange(first: number, last: number): void {
    if (this.total === null) return;
    const end = Math.min(last, this.total - 1);
    for (const page of pagesFor(first, end, PAGE_SIZE)) {
      if (this.pages.has(page) || this.inflight.has(page)) continue;
      void this.fetchPage(page);
    }
  }

  /**
   * Some recordings changed (their queued edit): fetches again only the loaded pages that show them, and
   * the first page, whose total says whether the set itself changed (`is:edited`); then the whole list
   * is run again, keeping the rows on screen until it answers.
   */
  async refreshRecordings(uuids: readonly string[]): Promise<void> {
    if (this.total === null || this.timer !== undefined) return;
    const pages = [0];
    for (const [page, hits] of this.pages) {
      if (page !== 0 && hits.some((h) => uuids.includes(h.uuid))) pages.push(page);
    }
    const id = this.runId;
    const answers = await Promise.all(
      pages.map(async (page) => [page, await this.api['search:query'](this.args(page * PAGE_SIZE))] as const),
    );
    if (id !== this.runId) return;
    if (answers.some(([, r]) => !r.ok || r.value.total !== this.total)) {
      await this.run(true);
      return;
    }
    for (const [page, r] of answers) if (r.ok) this.pages.set(page, r.value.results);
  }

  private async fetchPage(page: number): Promise<void> {
    const id = this.runId;
    this.inflight.add(page);
    const r = await this.api['search:query'](this.args(page * PAGE_SIZE));
    if (id !== this.runId) return;
    this.inflight.delete(page);
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.pages.set(page, r.value.results);
    // The cache may have changed between pages (a sync): keep the total honest.
    if (r.value.total !== this.total) this.total = r.value.total;
    this.totalExact = true;
  }
}
