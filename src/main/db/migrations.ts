// Finding our migrations and telling whether a database was written by a newer build.
//
// Version mechanism: drizzle's own `__drizzle_migrations` table. drizzle's migrate() applies every journal
// entry whose `when` (folderMillis) is later than the newest `created_at` recorded in that table, so the
// same number is our schema version: a database whose newest applied migration is later than the newest
// one this build ships was migrated by a newer build. We refuse it (DbError 'db_too_new') before writing a
// byte, instead of letting migrate() skip silently and our code run against a schema it does not know.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

/** drizzle's bookkeeping table (its default name). */
export const MIGRATIONS_TABLE = '__drizzle_migrations';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

/** The folder holding drizzle/meta/_journal.json: found by walking up from this module (dev, tests, build). */
export function defaultMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = resolve(dir, '..');
    if (parent === dir)
      throw new Error('drizzle/meta/_journal.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The `when` of the newest migration this build ships: our schema version. */
export function latestShippedMigration(migrationsFolder: string): { when: number; tag: string } {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const last = journal.entries.reduce<JournalEntry | undefined>(
    (a, e) => (a === undefined || e.when > a.when ? e : a),
    undefined,
  );
  if (!last) throw new Error(`No migrations in ${migrationsFolder}`);
  return { when: last.when, tag: last.tag };
}

/** The newest migration recorded in the database, or null for a database never migrated. Read-only. */
export function latestAppliedMigration(sqlite: Database): number | null {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(MIGRATIONS_TABLE);
  if (table === undefined) return null;
  const row = sqlite
    .prepare(`SELECT max(CAST(created_at AS INTEGER)) AS latest FROM "${MIGRATIONS_TABLE}"`)
    .get() as { latest: number | null } | undefined;
  return row?.latest ?? null;
}
