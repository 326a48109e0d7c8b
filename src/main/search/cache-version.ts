// Whether a connection's view of the cache changed: what the search keeps in memory per connection (the
// terms of a prefix, prefix-terms.ts; the rank columns, rank-columns.ts) is valid while this stays equal.
import type { Database } from 'better-sqlite3';
import { cachedStatement } from './statements';

/**
 * The cache's version as this connection sees it: data_version changes when another connection commits,
 * total_changes() when this one writes (a rolled-back write counts too), so an equal version means the
 * same data.
 */
export function cacheVersion(sqlite: Database): string {
  const [data, own] = cachedStatement(sqlite, 'SELECT data_version, total_changes() FROM pragma_data_version')
    .raw()
    .get() as [number, number];
  return `${data}:${own}`;
}
