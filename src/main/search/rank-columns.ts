// What a relevance page reads of each match — the folded title and summary it is scored by, the time it is
// ordered and filtered by, the duration it is filtered by — and the order of the newest recordings a broad
// word's page walks (candidates.ts), held in memory for the whole cache, per connection, while the cache
// does not change.
//
// Why: SQLite reads a match's row by a B-tree search from the root each time. On 100,000 demo recordings
// that cost 0.4 µs a match for the filter index and 1-2 µs for the row: "upload s duration:<120" looked
// up its 9,826 matches (3.6 ms) and read the 2,092 it kept to score them (3.9 ms), against 2.4 ms for
// FTS5 to find them. The same work over arrays in memory takes a fraction of a millisecond
// (ranked-in-memory.ts). The columns of 100,000 recordings take about 18 MB of the thread's heap (the
// search benchmark's heap figure: 32 MB, against 15 MB for the LIKE scan on the same cache; the newest
// order added 0.8 MB to it).
//
// They are read in stretches between other work, once the cache has been still for a moment (a sync writes
// every fraction of a second: reading them then would be wasted), and are valid only as long as the cache
// is as it was when reading began (cacheVersion). Until then, and whenever the cache changed since, a
// search reads SQLite as before, with the same results (test/integration/search-rank-columns.test.ts).
import type { Database } from 'better-sqlite3';
import { cacheVersion } from './cache-version';
import { newestIds } from './candidates';
import { cachedStatement } from './statements';

/** The rank columns of every recording, ascending by id. */
export interface RankColumns {
  ids: Float64Array;
  /** Epoch ms, NaN without a time. */
  created: Float64Array;
  /** Seconds, NaN without a duration. */
  duration: Float64Array;
  /** Null without one. */
  title: (string | null)[];
  summary: (string | null)[];
  /** Every id in the order of equal relevance scores (candidates.ts's newestIds): newest first. */
  newest: Float64Array;
}

interface Held {
  version: string;
  /** Null: the cache at this version holds a value they cannot hold; they are not read again for it. */
  columns: RankColumns | null;
}

/** How long the cache must stay unchanged before the columns are read. */
const STILL_MS = 300;
/** Rows read at a time: a few milliseconds, which is all a search may wait behind a stretch. */
const STRETCH = 4096;

const held = new WeakMap<Database, Held>();
const pending = new WeakSet<Database>();

/**
 * The columns of the cache as it is now, or null when they are not in memory (yet, or any more): then they
 * are read once the cache has been still for STILL_MS.
 */
export function currentRankColumns(sqlite: Database): RankColumns | null {
  const version = cacheVersion(sqlite);
  const h = held.get(sqlite);
  if (h?.version === version) return h.columns;
  held.delete(sqlite);
  if (!pending.has(sqlite)) {
    pending.add(sqlite);
    waitUntilStill(sqlite, version);
  }
  return null;
}

/** Reads the columns once `sqlite` has not changed for STILL_MS; an unref'd timer keeps no process alive. */
function waitUntilStill(sqlite: Database, seen: string): void {
  setTimeout(() => {
    if (!sqlite.open) return void pending.delete(sqlite);
    const now = cacheVersion(sqlite);
    if (now !== seen) return waitUntilStill(sqlite, now);
    void readRankColumns(sqlite).finally(() => pending.delete(sqlite));
  }, STILL_MS).unref();
}

/**
 * Reads the columns of `sqlite` a stretch at a time, yielding in between, and holds them when the cache
 * did not change meanwhile. True when they are held. Tests and benchmarks call it to have them at once.
 */
export async function readRankColumns(sqlite: Database): Promise<boolean> {
  const version = cacheVersion(sqlite);
  // Inside a transaction this connection could read its own writes and then roll them back.
  if (sqlite.inTransaction) return false;
  const stretch = cachedStatement(
    sqlite,
    'SELECT id, created_at, duration, title_folded, summary_folded FROM recordings WHERE id > ? ORDER BY id LIMIT ?',
  ).raw();
  const read = new ColumnsBuilder();
  for (let last = -Infinity; ;) {
    const rows = stretch.all(last, STRETCH) as unknown[][];
    if (!read.add(rows)) {
      held.set(sqlite, { version, columns: null });
      return false;
    }
    if (rows.length < STRETCH) break;
    last = rows.at(-1)![0] as number;
    if (!(await stillAt(sqlite, version))) return false;
  }
  // The newest first as SQLite orders them, from its index of times (a sort here cost 50-80 ms in one go).
  const newest: number[] = [];
  for (;;) {
    if (!(await stillAt(sqlite, version))) return false;
    const more = newestIds(sqlite, newest.length, STRETCH);
    for (const id of more) newest.push(id);
    if (more.length < STRETCH) break;
  }
  held.set(sqlite, { version, columns: read.columns(newest) });
  return true;
}

/** Yields to other work, then tells whether the cache is still at `version` and can be read on. */
async function stillAt(sqlite: Database, version: string): Promise<boolean> {
  await new Promise((resolve) => setImmediate(resolve));
  return sqlite.open && !sqlite.inTransaction && cacheVersion(sqlite) === version;
}

/** Rows of (id, created_at, duration, title_folded, summary_folded) gathered into RankColumns. */
class ColumnsBuilder {
  private readonly ids: number[] = [];
  private readonly created: number[] = [];
  private readonly duration: number[] = [];
  private readonly title: (string | null)[] = [];
  private readonly summary: (string | null)[] = [];

  /** Adds rows in id order; false when a value is not what the app stores, and cannot be held. */
  add(rows: readonly unknown[][]): boolean {
    for (const [id, created, duration, title, summary] of rows) {
      // A time or duration stored as text (by hand) compares as SQL compares text, not as a number.
      if (typeof id !== 'number' || !isNumberOrNull(created) || !isNumberOrNull(duration)) return false;
      if (!isTextOrNull(title) || !isTextOrNull(summary)) return false;
      this.ids.push(id);
      this.created.push(created ?? NaN);
      this.duration.push(duration ?? NaN);
      this.title.push(likeFolded(title));
      this.summary.push(likeFolded(summary));
    }
    return true;
  }

  columns(newest: readonly number[]): RankColumns {
    return {
      ids: Float64Array.from(this.ids),
      created: Float64Array.from(this.created),
      duration: Float64Array.from(this.duration),
      title: this.title,
      summary: this.summary,
      newest: Float64Array.from(newest),
    };
  }
}

function isNumberOrNull(v: unknown): v is number | null {
  return v === null || typeof v === 'number';
}

function isTextOrNull(v: unknown): v is string | null {
  return v === null || typeof v === 'string';
}

/**
 * The text as LIKE compares it: SQLite's LIKE ignores the case of ASCII letters only. The folded columns
 * hold none in upper case, unless written by hand.
 */
function likeFolded(text: string | null): string | null {
  return text !== null && /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : text;
}
