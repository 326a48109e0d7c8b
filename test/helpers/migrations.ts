// Migration tests in the manner of Signal Desktop's: a real cache file migrated up to the migration
// before the one under test, rows inserted the way the builds of that time wrote them (plain SQL: today's
// repositories do not know those tables), then that one migration, opened as the app opens a cache, and
// what a user would notice checked: the data kept and transformed right, the index answering.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, expect } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { openAccountDb } from '../../src/main/db';
import { MIGRATIONS_TABLE } from '../../src/main/db/migrations';
import { tempDataDir } from './db-temp';

const SHIPPED = resolve(import.meta.dirname, '../../drizzle');

interface Journal {
  entries: { tag: string; when: number }[];
}

const journal = JSON.parse(readFileSync(join(SHIPPED, 'meta', '_journal.json'), 'utf8')) as Journal;

/** Every shipped migration's tag, oldest first ("0000_init", …). */
export const MIGRATION_TAGS: readonly string[] = journal.entries.map((e) => e.tag);

/** The shipped migrations' SQL text, by tag. */
export function migrationSql(tag: string): string {
  return readFileSync(join(SHIPPED, `${tag}.sql`), 'utf8');
}

/** The `when` of every shipped migration: what drizzle records as applied (see src/main/db/migrations.ts). */
export function shippedMigrationTimes(): number[] {
  return journal.entries.map((e) => e.when);
}

function indexOf(tag: string): number {
  const i = MIGRATION_TAGS.indexOf(tag);
  if (i < 0) throw new Error(`No shipped migration ${tag}`);
  return i;
}

const folders = new Map<string, string>();

/** The migrations folder of a build whose newest migration was `tag`: the shipped one, its journal cut. */
export function migrationsUpTo(tag: string): string {
  const known = folders.get(tag);
  if (known !== undefined) return known;
  const folder = join(tempDataDir(), 'drizzle');
  cpSync(SHIPPED, folder, { recursive: true });
  const entries = journal.entries.slice(0, indexOf(tag) + 1);
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  folders.set(tag, folder);
  return folder;
}

/** How many migrations the cache has recorded as applied. */
function appliedMigrations(sqlite: Database.Database): number {
  return sqlite.prepare(`SELECT count(*) FROM "${MIGRATIONS_TABLE}"`).pluck().get() as number;
}

/** A real cache file at one layout, which a test moves on to a later one. */
export interface MigrationCache {
  readonly dataDir: string;
  readonly accountId: string;
  /** The cache as open now, at the layout it was last migrated to. */
  readonly adb: AccountDb;
  readonly sqlite: Database.Database;
  /**
   * Closes the cache and opens it again, as the app does at start, with the migrations up to `tag`
   * (every shipped one when not given); checks that exactly those are then recorded as applied.
   */
  migrate(tag?: string): AccountDb;
}

const open: AccountDb[] = [];
afterAll(() => {
  for (const adb of open) adb.close();
});

function openAt(dataDir: string, accountId: string, tag: string | undefined): AccountDb {
  const adb = openAccountDb({
    dataDir,
    accountId,
    ...(tag === undefined ? {} : { migrationsFolder: migrationsUpTo(tag) }),
  });
  open.push(adb);
  const expected = tag === undefined ? MIGRATION_TAGS.length : indexOf(tag) + 1;
  expect(appliedMigrations(adb.sqlite), `migrations applied after opening at ${tag ?? 'the latest'}`).toBe(
    expected,
  );
  return adb;
}

/** A new cache migrated up to and including `tag`. */
export function cacheAt(tag: string, accountId = 'migration'): MigrationCache {
  const dataDir = tempDataDir();
  let adb = openAt(dataDir, accountId, tag);
  return {
    dataDir,
    accountId,
    get adb() {
      return adb;
    },
    get sqlite() {
      return adb.sqlite;
    },
    migrate(to?: string) {
      adb.close();
      adb = openAt(dataDir, accountId, to);
      return adb;
    },
  };
}

/** A new cache migrated up to the migration before `tag`: the state `tag` was written to upgrade. */
export function cacheBefore(tag: string, accountId = 'migration'): MigrationCache {
  const i = indexOf(tag);
  if (i === 0) throw new Error(`${tag} is the first migration: it starts from no cache at all`);
  return cacheAt(MIGRATION_TAGS[i - 1]!, accountId);
}

/** The columns of a table, in order. */
export function columnsOf(sqlite: Database.Database, table: string): string[] {
  return sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
}

/** The tables, views, indexes and triggers of the cache whose names start with `prefix`. */
export function schemaObjects(sqlite: Database.Database, prefix: string): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_master WHERE name LIKE ? || '%' ORDER BY name")
    .pluck()
    .all(prefix) as string[];
}

/** The rowids the search index gives for an FTS5 query, in rowid order. */
export function ftsMatch(sqlite: Database.Database, query: string): number[] {
  return sqlite
    .prepare('SELECT rowid FROM recordings_fts WHERE recordings_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(query) as number[];
}

/**
 * An FTS5 query for one facet token of the index (0009 on): `typelive`, `platformzendesk`, `haslogs`.
 * The tokens start with U+E000, as src/main/search/facets.ts writes them.
 */
export function facetQuery(token: string): string {
  return `facets:"\uE000${token}"`;
}

/** How SQLite would run a statement (EXPLAIN QUERY PLAN), one line per step. */
export function queryPlan(sqlite: Database.Database, sql: string, ...params: unknown[]): string[] {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (row) => row.detail,
  );
}

/**
 * SQLite's own check of the whole file, and FTS5's of the index when there is one (against its content
 * for the layouts that read one; the structure alone for the contentless ones).
 */
export function expectIntact(sqlite: Database.Database): void {
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  if (schemaObjects(sqlite, 'recordings_fts').includes('recordings_fts')) {
    sqlite.prepare("INSERT INTO recordings_fts(recordings_fts, rank) VALUES ('integrity-check', 1)").run();
  }
}
