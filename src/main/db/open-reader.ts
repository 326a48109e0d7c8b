// A second, read-only connection to an account's cache, for a thread that only reads (the reader thread,
// src/main/threads/reader-thread.ts). In WAL mode a reader works on the last committed snapshot and never
// waits for the writer: a search during a sync answers while the sync's transaction is still open. It
// never migrates (the writer's connection did that when it opened the cache) and refuses to write.
import Database from 'better-sqlite3';
import { accountDbPath, assertValidAccountId } from './account-id';
import { DbError } from './errors';
import type { AccountDb } from './open';
import { accountDbOn, BUSY_TIMEOUT_MS, READ_PRAGMAS, sqliteOptions } from './open';

/** Opens an existing, migrated account cache for reading only. Throws DbError. */
export function openAccountDbForReading(opts: { dataDir: string; accountId: string }): AccountDb {
  assertValidAccountId(opts.accountId);
  const path = accountDbPath(opts.dataDir, opts.accountId);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, sqliteOptions({ readonly: true, fileMustExist: true }));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new DbError('db_open_failed', `Could not open the cache at ${path} for reading: ${detail}`, {
      cause: e,
    });
  }
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  for (const pragma of READ_PRAGMAS) sqlite.pragma(pragma);
  return accountDbOn(opts.accountId, path, sqlite);
}
