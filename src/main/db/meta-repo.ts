// The `meta` key/value table: sync bookkeeping and the account's description, one row per key.
import { eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';
import { meta } from './schema';

/** Keys with an agreed meaning. Other keys are allowed; these are the ones other modules rely on. */
export const META_KEYS = {
  apiUrl: 'api_url',
  label: 'label',
  lastSyncStartedAt: 'last_sync_started_at',
  lastSyncCompletedAt: 'last_sync_completed_at',
  syncGeneration: 'sync_generation',
  /**
   * Recordings (re)indexed since the search index was last merged into one segment (search-index-merge.ts).
   * The stored key keeps its first name ("tidy"): caches written by earlier versions hold it.
   */
  storedSinceIndexMerge: 'search_index_stored_since_tidy',
  /** The last uuid a sync's one-by-one removal checks asked for: the next sync continues after it. */
  removalCheckAfter: 'removal_check_after',
  /** Recordings the last sync kept unconfirmed (the server's list left them out), and why. */
  lastSyncKept: 'last_sync_kept',
  lastSyncKeptReason: 'last_sync_kept_reason',
} as const;

/** Read and write the account's `meta` table. */
export interface MetaRepo {
  /** The value stored under `key`, or undefined. */
  get(key: string): string | undefined;
  /** The value under `key` as a finite number, or undefined when absent or not numeric. */
  getNumber(key: string): number | undefined;
  /** Stores `value` under `key`, replacing any previous value. */
  set(key: string, value: string | number): void;
  /** Removes `key`; true if it existed. */
  delete(key: string): boolean;
  /** Every key and value. */
  all(): Record<string, string>;
}

/** A MetaRepo over the given drizzle database. */
export function createMetaRepo(db: BetterSQLite3Database<typeof schema>): MetaRepo {
  const get = (key: string): string | undefined =>
    db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value;
  return {
    get,
    getNumber(key) {
      const v = get(key);
      if (v === undefined || v.trim() === '') return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    },
    set(key, value) {
      const v = String(value);
      db.insert(meta)
        .values({ key, value: v })
        .onConflictDoUpdate({ target: meta.key, set: { value: v } })
        .run();
    },
    delete(key) {
      return db.delete(meta).where(eq(meta.key, key)).run().changes > 0;
    },
    all() {
      return Object.fromEntries(
        db
          .select()
          .from(meta)
          .all()
          .map((r) => [r.key, r.value]),
      );
    },
  };
}
