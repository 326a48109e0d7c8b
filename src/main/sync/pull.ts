import { isApiError, lastPageToFetch, walkPages } from '../api';
import type { PageSource, RecordingEntry, RecordingPage } from '../api';
import type { MetaRepo, RecordingsRepo } from '../db';
import { META_KEYS } from '../db';
import { AdaptiveLimit } from './adaptive-limit';
import { forEachPage } from './page-pool';
import { PageWriter } from './page-writer';
import type { PullResult, SyncProgress } from './progress';

/** What a pull reads from: the API client (or anything shaped like it). */
export interface PullSource extends PageSource {
  getRecording(uuid: string, opts?: { signal?: AbortSignal }): Promise<RecordingEntry>;
}

/** What a pull writes to: one account's cache. */
export interface PullStore {
  recordings: RecordingsRepo;
  meta: MetaRepo;
}

export interface PullOptions {
  source: PullSource;
  store: PullStore;
  /** Pages in flight; shared with the client's onRetry so a 429 slows the walk (default 4). */
  limit?: AdaptiveLimit;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Most recordings confirmed one by one after an unstable walk (default 500). */
  verifyLimit?: number;
}

/**
 * Makes the cache an exact mirror of the account. The API has no change feed, so every page is read:
 * page 1 first (it tells how many there are), then the rest with bounded concurrency, each page
 * written in its own transaction so an interrupted pull leaves a consistent cache that the next one
 * completes. Recordings are removed locally only after a walk that saw every page, and only when
 * their absence is certain: see settleRemovals.
 */
export async function pull(opts: PullOptions): Promise<PullResult> {
  const { source, store, signal } = opts;
  const limit = opts.limit ?? new AdaptiveLimit(4);
  const seen = new Set<string>();
  const stored = new Set<string>(); // what progress reports: pages and records already in the cache
  const counts = new Set<number | null>();
  const anomalies = new Set<string>();
  const totals = { added: 0, updated: 0, pages: 0 };
  let pagesTotal: number | null = null;
  const progress = (phase: SyncProgress['phase']): void =>
    opts.onProgress?.({ phase, pagesDone: totals.pages, pagesTotal, records: stored.size });

  // Pages are stored by the writer while the next ones are fetched (see page-writer.ts).
  const writer = new PageWriter((records) => store.recordings.upsertPage(records));
  const apply = (page: RecordingPage): Promise<void> => {
    for (const entry of page.records) seen.add(entry.uuid);
    counts.add(page.pagination.count);
    for (const note of page.pagination.anomalies) anomalies.add(note);
    return writer.enqueue(
      page.records.map((entry) => entry.raw),
      (result) => {
        totals.added += result.added;
        totals.updated += result.updated;
        totals.pages++;
        for (const entry of page.records) stored.add(entry.uuid);
        progress('listing');
      },
    );
  };

  store.meta.set(META_KEYS.lastSyncStartedAt, Date.now());
  progress('listing');
  const first = await source.listRecordings(1, { signal });
  pagesTotal = first.pagination.pagesKnown ? first.pagination.pages : null;

  const last = lastPageToFetch(first.pagination);
  let tail = first;
  let walkFailure: { error: unknown } | null = null;
  try {
    await apply(first);
    await forEachPage(2, last, limit, signal, async (page, pageSignal) => {
      const result = await source.listRecordings(page, { signal: pageSignal });
      if (result.pagination.pagesKnown) pagesTotal = Math.max(pagesTotal ?? 0, result.pagination.pages);
      await apply(result);
      if (page === last) tail = result;
    });

    // Recordings added during the walk push older ones past the page total page 1 announced (or the
    // total was never known): keep reading, one page at a time, until the server's pagination ends.
    if (tail.pagination.next !== null) {
      for await (const page of walkPages(source, { startPage: last + 1, signal })) await apply(page);
    }
  } catch (error) {
    walkFailure = { error };
  }
  // Whatever arrived is stored, even when the walk failed: each page is whole and the next sync
  // completes the rest. The walk's own error is the one reported (a failed write is one too: apply
  // rethrows it); a write failing only now is reported when the walk itself went through.
  try {
    await writer.drain();
  } catch (error) {
    walkFailure ??= { error };
  }
  if (walkFailure !== null) throw walkFailure.error;

  const { removed, deferred, stable } = await settleRemovals(
    { ...opts, limit },
    seen,
    counts,
    first,
    progress,
  );
  store.meta.set(META_KEYS.lastSyncCompletedAt, Date.now());
  progress('done');
  return {
    added: totals.added,
    updated: totals.updated,
    removed,
    total: store.recordings.count(),
    pages: totals.pages,
    removalDeferred: deferred,
    stable,
    anomalies: [...anomalies],
  };
}

/**
 * Removes what the walk did not see, never a live recording. Records shift between pages while a
 * walk runs (new ones arrive at the top, deletions pull others up), so a live recording can slip
 * between two pages read at different moments. If the account held still — every page reported the
 * same count and page 1 reads the same at the end — the walk saw everything and the rest is gone.
 * Otherwise each missing recording is asked for by uuid: only a 404 removes it. Past verifyLimit the
 * rest waits for the next sync, which converges.
 */
async function settleRemovals(
  opts: PullOptions,
  seen: ReadonlySet<string>,
  counts: ReadonlySet<number | null>,
  first: RecordingPage,
  progress: (phase: SyncProgress['phase']) => void,
): Promise<{ removed: number; deferred: number; stable: boolean }> {
  const { source, store, signal } = opts;
  const missing = store.recordings.allUuids().filter((uuid) => !seen.has(uuid));
  progress('verifying');
  const again = await source.listRecordings(1, { signal });
  const stable =
    counts.size === 1 &&
    !counts.has(null) &&
    again.pagination.count === first.pagination.count &&
    sameUuids(again.records, first.records);
  if (missing.length === 0) return { removed: 0, deferred: 0, stable };

  progress('removing');
  if (stable) return { removed: store.recordings.removeUuids(missing), deferred: 0, stable };

  const toCheck = missing.slice(0, Math.max(0, opts.verifyLimit ?? 500));
  const gone: string[] = [];
  const limit = opts.limit ?? new AdaptiveLimit(4);
  // The walk's limit (passed in by pull) carries over: a server that answered 429 stays slowed down.
  await forEachPage(0, toCheck.length - 1, limit, signal, async (i, checkSignal) => {
    const uuid = toCheck[i] as string;
    try {
      const entry = await source.getRecording(uuid, { signal: checkSignal });
      store.recordings.upsertPage([entry.raw]);
    } catch (error) {
      if (isApiError(error) && error.code === 'not_found') gone.push(uuid);
      else throw error;
    }
  });
  return { removed: store.recordings.removeUuids(gone), deferred: missing.length - toCheck.length, stable };
}

function sameUuids(a: readonly RecordingEntry[], b: readonly RecordingEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.uuid === b[i]?.uuid);
}
