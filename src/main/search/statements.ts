// A small per-connection cache of prepared statements: search builds a handful of SQL shapes again and
// again, and preparing costs more than running them on a warm cache.
import type { Database, Statement } from 'better-sqlite3';

const MAX_CACHED = 128;
const caches = new WeakMap<Database, Map<string, Statement>>();

/** The prepared statement for `sql` on `sqlite`, prepared once and reused. */
export function cachedStatement(sqlite: Database, sql: string): Statement {
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map();
    caches.set(sqlite, cache);
  }
  let stmt = cache.get(sql);
  if (stmt) {
    // Re-insert to keep Map order = least recently used first.
    cache.delete(sql);
  } else {
    stmt = sqlite.prepare(sql);
    if (cache.size >= MAX_CACHED) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  cache.set(sql, stmt);
  return stmt;
}
