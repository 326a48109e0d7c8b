// One read snapshot across awaits: `sdesk search` streams its pages (1,000 at a time) to a slow pipe,
// and every page must come from the same state of the cache, so a sync in the app meanwhile can neither
// shift nor repeat rows. better-sqlite3's transaction() is synchronous; this one spans the awaits.
import type { Database } from 'better-sqlite3';

/**
 * Runs `fn` in one read transaction on `sqlite` (a deferred BEGIN: the snapshot is taken at its first
 * read, and holds no write lock). The transaction is the connection's, so nothing else may use this
 * connection until `fn` settles: a write in between would join it. Hence the refusal to nest.
 */
export async function inReadSnapshot<T>(sqlite: Database, fn: () => Promise<T> | T): Promise<T> {
  if (sqlite.inTransaction) {
    // A programming error, not a state of the cache: no user can cause it.
    throw new Error('A read snapshot cannot start inside another transaction.');
  }
  sqlite.exec('BEGIN');
  try {
    return await fn();
  } finally {
    if (sqlite.open && sqlite.inTransaction) sqlite.exec('COMMIT');
  }
}
