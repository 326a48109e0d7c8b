// Merging the search indexes into one segment each after a large sync. FTS5 writes each transaction's
// terms as a new segment and merges segments lazily (automerge, see drizzle/0012): that keeps a sync
// fast, but a cache filled by a sync is left with dozens of segments, and every query merges the
// doclists of all of them; a sync that changed many recordings also leaves their old entries and the
// delete markers that cancel them, which every query reads until a merge drops both. On 100,000 demo
// recordings, searches on a merged index took about 1 ms (10–25%) less after a first sync, and a third
// to a half less after a re-sync that changed every title. Merging takes one to two seconds there, so
// it runs after the sync. The relevance index (drizzle/0015) is merged too, after the main one: a broad
// search queries it up to twice per word (src/main/search/candidates.ts), and a sync of 100,000 left it
// in 25 segments.
//
// The merge runs in slices of about 10 ms of work, with an event-loop turn between them, on the caller's
// connection: the app's main process keeps answering the window meanwhile, searches see a consistent
// index throughout (each slice is its own transaction), and a sync that starts can stop it.
import type { Database } from 'better-sqlite3';
import type { MetaRepo } from './meta-repo';
import { META_KEYS } from './meta-repo';
import { withBackgroundCheckpoints } from './background-checkpoint';

/** The full-text indexes merged, in turn: the main index, then the relevance index. */
const INDEXES = ['recordings_fts', 'recordings_rank_fts'] as const;
/** Index pages one slice merges at most. Negative: merge across levels, as 'optimize' does. */
const SLICE_PAGES = 64;
/** Below this many recordings reindexed since the last merge, FTS5's own merging is enough. */
const MIN_STORED = 1000;
/** ...and below this share of the cache. */
const MIN_SHARE = 0.25;

/**
 * True when enough of the cache was (re)indexed since the index was last merged for a merge to pay off.
 * The count is kept by RecordingsRepo.upsertPage, in each page's own transaction, so a sync that was
 * interrupted still counts what it stored; changes the index does not see are not counted.
 */
export function needsIndexMerge(meta: MetaRepo, total: number): boolean {
  const stored = meta.getNumber(META_KEYS.storedSinceIndexMerge) ?? 0;
  return stored >= MIN_STORED && stored >= total * MIN_SHARE;
}

/** What mergeSearchIndex did. */
export interface IndexMergeResult {
  /** True when the index ended up in one segment; false when stopped first (the next run goes on). */
  done: boolean;
  /** Merge steps run. */
  slices: number;
}

/**
 * Merges the search indexes of the cache into one segment each, a slice at a time; stops between slices
 * when `signal` aborts or the connection closes. On completion the count of reindexed recordings is reset.
 */
export async function mergeSearchIndex(
  cache: { readonly path: string; readonly sqlite: Database; readonly meta: MetaRepo },
  signal?: AbortSignal,
): Promise<IndexMergeResult> {
  const { sqlite } = cache;
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  const merges = INDEXES.map((t) => sqlite.prepare(`INSERT INTO ${t}(${t}, rank) VALUES ('merge', ?)`));
  const stopped = (): boolean => signal?.aborted === true || !sqlite.open;
  // The slices write the whole index again: checkpoints go to a worker, as during a sync, so that no
  // slice stalls on copying the log back.
  return withBackgroundCheckpoints(cache, async () => {
    let slices = 0;
    let index = 0;
    while (!stopped()) {
      const before = changes.get() as number;
      merges[index]!.run(-SLICE_PAGES);
      slices++;
      // FTS5's documented test: a merge that found nothing to do changes fewer than 2 rows.
      if ((changes.get() as number) - before < 2 && ++index === merges.length) {
        cache.meta.set(META_KEYS.storedSinceIndexMerge, 0);
        return { done: true, slices };
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { done: false, slices };
  });
}
