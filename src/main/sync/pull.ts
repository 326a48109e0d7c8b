import { isApiError, walkPages } from '../api';
import type { PageSource, RecordingEntry, RecordingPage, WalkSummary } from '../api';
import type { MetaRepo, RecordingsRepo } from '../db';
import { META_KEYS } from '../db';
import { AdaptiveLimit } from './adaptive-limit';
import { noteKept } from './kept-note';
import { PageWriter } from './page-writer';
import type { PullResult, SyncProgress } from './progress';
import { checkRemovals } from './removal-checks';

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
  /** Most recordings confirmed one by one in this sync (default REMOVAL_CHECK_BATCH). */
  verifyLimit?: number;
}

/**
 * Makes the cache a mirror of the account. The API has no change feed, so every page is read (see
 * walkPages: page 1 first, then the rest with bounded concurrency, never past the first empty page),
 * each batch of pages stored as it arrives so an interrupted pull leaves a consistent cache that the
 * next one completes. A cached recording the walk did not see is removed only when its absence is
 * certain: see settleRemovals.
 */
export async function pull(opts: PullOptions): Promise<PullResult> {
  const { source, store, signal } = opts;
  const limit = opts.limit ?? new AdaptiveLimit(4);
  const seen = new Set<string>();
  const stored = new Set<string>(); // what progress reports: pages and records already in the cache
  const anomalies = new Set<string>();
  const totals = { added: 0, updated: 0, pages: 0 };
  let pagesTotal: number | null = null;
  const progress = (phase: SyncProgress['phase']): void =>
    opts.onProgress?.({ phase, pagesDone: totals.pages, pagesTotal, records: stored.size });

  // Pages are stored by the writer while the next ones are fetched (see page-writer.ts).
  const writer = new PageWriter((records) => store.recordings.upsertPage(records));
  const apply = (page: RecordingPage): Promise<void> => {
    for (const entry of page.records) seen.add(entry.uuid);
    for (const note of page.pagination.anomalies) anomalies.add(note);
    if (page.pagination.pagesKnown) pagesTotal = Math.max(pagesTotal ?? 0, page.pagination.pages);
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
  let walk: WalkSummary | null = null;
  let walkFailure: { error: unknown } | null = null;
  try {
    walk = await walkPages(source, apply, { limit, signal });
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
  if (walkFailure !== null || walk === null) throw walkFailure?.error;

  const settled = await settleRemovals({ ...opts, limit }, seen, walk, progress);
  noteKept(store.meta, settled.kept, settled.keptReason);
  store.meta.set(META_KEYS.lastSyncCompletedAt, Date.now());
  progress('done');
  return {
    added: totals.added,
    updated: totals.updated,
    total: store.recordings.count(),
    pages: totals.pages,
    ...settled,
    anomalies: [...anomalies],
  };
}

type Settled = Pick<PullResult, 'removed' | 'kept' | 'confirmed' | 'keptReason' | 'complete'>;

/**
 * Removes what the walk did not see, never a live recording. Without asking, only after a walk that
 * proved it saw everything (walkPages' gap is null) and page 1 reading the same again at the end:
 * recordings arriving at the top during the walk push others onto pages already read, deletions pull
 * them up past the reader. Anything less, and each missing recording is asked for by uuid
 * (removal-checks.ts): only the API's own 404 removes it.
 */
async function settleRemovals(
  opts: PullOptions & { limit: AdaptiveLimit },
  seen: ReadonlySet<string>,
  walk: WalkSummary,
  progress: (phase: SyncProgress['phase']) => void,
): Promise<Settled> {
  const { source, store, signal } = opts;
  const missing = store.recordings.allUuids().filter((uuid) => !seen.has(uuid));
  // An empty list never empties the cache by itself: a glitch that answers "no recordings" looks the
  // same as an account whose every recording was deleted, and only asking for each tells them apart.
  let gap =
    walk.gap ?? (walk.distinct === 0 && missing.length > 0 ? 'the server listed no recordings at all' : null);
  if (missing.length === 0)
    return { removed: 0, kept: 0, confirmed: 0, keptReason: null, complete: gap === null };
  progress('verifying');
  gap ??= await pageOneChanged(source, walk.first, signal);
  if (gap === null) {
    progress('removing');
    return {
      removed: store.recordings.removeUuids(missing),
      kept: 0,
      confirmed: 0,
      keptReason: null,
      complete: true,
    };
  }
  const checked = await checkRemovals(
    { source, store, limit: opts.limit, signal, batch: opts.verifyLimit },
    missing,
  );
  const keptReason = [gap, checked.problem].filter((p): p is string => p !== null).join('; ');
  return {
    removed: checked.removed,
    kept: checked.kept,
    confirmed: checked.confirmed,
    keptReason,
    complete: false,
  };
}

/** Reads page 1 again: null when it holds the same count and uuids as at the start, else why not. */
async function pageOneChanged(
  source: PageSource,
  first: RecordingPage,
  signal: AbortSignal | undefined,
): Promise<string | null> {
  try {
    const again = await source.listRecordings(1, { signal });
    const same =
      again.pagination.count === first.pagination.count &&
      again.records.length === first.records.length &&
      again.records.every((entry, i) => entry.uuid === first.records[i]?.uuid);
    return same ? null : 'the account changed during the sync';
  } catch (error) {
    if (signal?.aborted === true || isApiError(error, 'cancelled', 'auth')) throw error;
    return 'page 1 could not be read again to confirm the list';
  }
}
