// Opening an account's cache: refuse a database from a newer build before touching it, then set the
// connection up and apply our migrations with drizzle's synchronous migrate() before anything reads.
//
// One SQLite file per account (<dataDir>/accounts/<accountId>/cache.sqlite): isolation between accounts is
// structural (no query can forget an account_id filter), and "forget this account" is deleting a folder.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { foldText } from '../../shared/fold';
import { cjkColumnSql } from '../search/cjk';
import { accountDbPath, assertValidAccountId } from './account-id';
import { DbError } from './errors';
import type { MetaRepo } from './meta-repo';
import { createMetaRepo } from './meta-repo';
import { defaultMigrationsFolder, latestAppliedMigration, latestShippedMigration } from './migrations';
import type { RecordingsRepo } from './recordings-repo';
import { createRecordingsRepo } from './recordings-repo';
import * as schema from './schema';

/** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

// The Electron app loads its own build of better-sqlite3's addon (Electron's ABI differs from Node's),
// kept apart from node_modules so that the tests and the CLI keep the Node build. Unset: node_modules.
let nativeBinding: string | undefined;

/** Makes every cache opened from now on load better-sqlite3's addon from `path` (the Electron build). */
export function setSqliteNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** better-sqlite3 options with the addon chosen by setSqliteNativeBinding: every connection uses this. */
export function sqliteOptions(options: Database.Options = {}): Database.Options {
  return nativeBinding === undefined ? options : { ...options, nativeBinding };
}

const CACHE_KIB = 32 * 1024;
// 16 KiB pages for new caches (SQLite's default is 4 KiB): a stored record is a few kilobytes, so with small
// pages most of them spill into overflow pages, and writing a page of records cost a third more. An
// existing cache keeps its page size (changing it means rewriting the whole file).
const NEW_PAGE_SIZE = 16 * 1024;
const MMAP_BYTES = 512 * 1024 * 1024;

/**
 * How every connection to a cache reads, the writer's and the reader thread's (open-reader.ts): searches
 * read the index and the narrow table at random, so a larger page cache and memory-mapped reads keep them
 * in memory instead of going through read() for every page.
 */
export const READ_PRAGMAS: readonly string[] = [
  `cache_size = -${CACHE_KIB}`,
  `mmap_size = ${MMAP_BYTES}`,
  'temp_store = MEMORY',
];

/** An open, migrated account cache. */
export interface AccountDb {
  readonly accountId: string;
  readonly path: string;
  readonly sqlite: SqliteDatabase;
  readonly db: BetterSQLite3Database<typeof schema>;
  readonly recordings: RecordingsRepo;
  readonly meta: MetaRepo;
  /** Closes the connection (idempotent). */
  close(): void;
}

/** Options of openAccountDb. */
export interface OpenAccountDbOptions {
  dataDir: string;
  accountId: string;
  /** Where drizzle/meta/_journal.json lives; found by walking up from this module when omitted. */
  migrationsFolder?: string;
}

function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function wrap(e: unknown, fallback: 'db_open_failed' | 'db_migration_failed', path: string): DbError {
  if (e instanceof DbError) return e;
  const code = sqliteCode(e);
  if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT')) {
    return new DbError('db_corrupt', `The cache at ${path} is not a readable SQLite database.`, { cause: e });
  }
  const what = fallback === 'db_open_failed' ? 'open' : 'update the structure of';
  const detail = e instanceof Error ? e.message : String(e);
  return new DbError(fallback, `Could not ${what} the cache at ${path}: ${detail}`, { cause: e });
}

/**
 * Fills in the folded title and summary (src/shared/fold.ts) of rows stored before those columns existed:
 * SQL cannot fold diacritics, so migration 0010 leaves them to this, once. A partial index holds exactly
 * those rows, so a cache with none costs one index probe.
 */
function foldOlderRows(sqlite: SqliteDatabase): void {
  const columns = sqlite.prepare("SELECT name FROM pragma_table_info('recordings')").pluck().all();
  if (!columns.includes('title_folded')) return; // an older schema (tests open those on purpose)
  const unfolded =
    '(title IS NOT NULL AND title_folded IS NULL) OR (summary IS NOT NULL AND summary_folded IS NULL)';
  if (sqlite.prepare(`SELECT 1 FROM recordings WHERE ${unfolded} LIMIT 1`).get() === undefined) return;
  sqlite.function('sdesk_fold', { deterministic: true }, (v: unknown) =>
    typeof v === 'string' ? foldText(v) : null,
  );
  sqlite
    .prepare(
      `UPDATE recordings SET title_folded = sdesk_fold(title), summary_folded = sdesk_fold(summary) WHERE ${unfolded}`,
    )
    .run();
}

/**
 * The SQL functions migrations call: sdesk_cjk_grams() fills in recording_payloads.search_cjk for the rows
 * cached before that column existed (drizzle/0013_recordings_fts_v6.sql), once. Nothing else calls it (the
 * index's view and triggers use only SQLite's own functions, so any connection can write recordings), but
 * which migrations are still to run is known only inside the migrator: every connection registers it first.
 */
function registerIndexFunctions(sqlite: SqliteDatabase): void {
  sqlite.function('sdesk_cjk_grams', { deterministic: true, varargs: true }, cjkColumnSql);
}

/** Opens (creating if needed) and migrates the SQLite file at `path`. Throws DbError. */
function openCacheFile(path: string, migrationsFolder = defaultMigrationsFolder()): SqliteDatabase {
  const shipped = latestShippedMigration(migrationsFolder);
  let sqlite: SqliteDatabase;
  try {
    mkdirSync(dirname(path), { recursive: true });
    sqlite = new Database(path, sqliteOptions());
  } catch (e) {
    throw wrap(e, 'db_open_failed', path);
  }
  try {
    // Only reads until the version check has passed: a refused database must stay byte-identical,
    // and even switching it to WAL would rewrite its header.
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (sqlite.pragma('page_count', { simple: true }) === 0) sqlite.pragma(`page_size = ${NEW_PAGE_SIZE}`);
    const applied = latestAppliedMigration(sqlite);
    if (applied !== null && applied > shipped.when) {
      throw new DbError(
        'db_too_new',
        `This cache was written by a newer version of Screendesk Desktop (schema ${applied}, this version ` +
          `knows up to ${shipped.when}). Update the app, or delete this account's cache to start over.`,
      );
    }
    sqlite.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the last commits,
    // which the next sync fetches again.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    for (const pragma of READ_PRAGMAS) sqlite.pragma(pragma);
  } catch (e) {
    sqlite.close();
    throw wrap(e, 'db_open_failed', path);
  }
  try {
    registerIndexFunctions(sqlite);
    migrate(drizzle(sqlite, { schema }), { migrationsFolder });
    foldOlderRows(sqlite);
  } catch (e) {
    sqlite.close();
    throw wrap(e, 'db_migration_failed', path);
  }
  return sqlite;
}

/** Opens the cache of one account under `dataDir`, creating and migrating it as needed. Throws DbError. */
export function openAccountDb(opts: OpenAccountDbOptions): AccountDb {
  assertValidAccountId(opts.accountId);
  const path = accountDbPath(opts.dataDir, opts.accountId);
  return accountDbOn(opts.accountId, path, openCacheFile(path, opts.migrationsFolder));
}

/** An AccountDb over an open connection (this file's, or the read-only one of open-reader.ts). */
export function accountDbOn(accountId: string, path: string, sqlite: SqliteDatabase): AccountDb {
  const db = drizzle(sqlite, { schema });
  return {
    accountId,
    path,
    sqlite,
    db,
    recordings: createRecordingsRepo(sqlite),
    meta: createMetaRepo(db),
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
}
