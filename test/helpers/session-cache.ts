// A test's own look into a session's cache. The session keeps its connection to itself, so a test opens
// the same SQLite file on a second connection with the db layer's own openAccountDb, as another process
// (sdesk beside the app) would: what it reads and writes there is what the session finds on disk.
import type { AccountDb } from '../../src/main/db';
import { openAccountDb } from '../../src/main/db';
import type { AccountSession } from '../../src/main/session';

/** A second connection to `session`'s cache; the caller closes it. */
export function openCacheOf(session: AccountSession): AccountDb {
  return openAccountDb({ dataDir: session.dataDir, accountId: session.accountId });
}

/** Runs `fn` on a second connection to `session`'s cache, closed when it returns. */
export function withCacheOf<T>(session: AccountSession, fn: (cache: AccountDb) => T): T {
  const cache = openCacheOf(session);
  try {
    return fn(cache);
  } finally {
    cache.close();
  }
}
