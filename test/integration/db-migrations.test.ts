// Opening a cache: new, again, refused, and upgraded from older layouts all the way to the newest. Each
// migration's own test is in migrations/ (one file per migration, on test/helpers/migrations.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { accountDbPath, BUSY_TIMEOUT_MS, openAccountDb } from '../../src/main/db';
import { searchRecordings } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { tempDataDir } from '../helpers/db-temp';
import { expectIndexMatchesSource } from '../helpers/fts-check';
import { MIGRATION_TAGS, migrationsUpTo, shippedMigrationTimes } from '../helpers/migrations';

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const tables = (sqlite: Database.Database): string[] =>
  (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter(
    (n) =>
      !n.startsWith('sqlite_') && !n.startsWith('recordings_fts_') && !n.startsWith('recordings_rank_fts_'),
  );

describe('opening a cache', () => {
  it('creates and migrates an empty database, in WAL mode with foreign keys and a busy timeout', () => {
    const adb = openAccountDb({ dataDir: tempDataDir(), accountId: 'fresh' });
    expect(tables(adb.sqlite)).toEqual([
      '__drizzle_migrations',
      'meta',
      'outbox',
      'recording_payloads',
      'recording_tickets',
      'recordings',
      'recordings_fts',
      'recordings_rank_fts',
    ]);
    expect(adb.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(adb.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(adb.sqlite.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(adb.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
      MIGRATION_TAGS.length,
    );
    adb.close();
  });

  it('opens an existing cache again without re-running migrations', () => {
    const dataDir = tempDataDir();
    const first = openAccountDb({ dataDir, accountId: 'again' });
    first.recordings.upsertPage([recording({ uuid: 'kept', title: 'Kept across restarts' })]);
    first.close();
    const second = openAccountDb({ dataDir, accountId: 'again' });
    expect(second.recordings.get('kept')?.title).toBe('Kept across restarts');
    expect(second.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
      MIGRATION_TAGS.length,
    );
    second.close();
  });

  it('refuses a cache written by a newer version and leaves it byte-identical', () => {
    const dataDir = tempDataDir();
    const adb = openAccountDb({ dataDir, accountId: 'newer' });
    adb.recordings.upsertPage([recording({ uuid: 'x' })]);
    const latest = Math.max(...shippedMigrationTimes());
    adb.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-the-future', latest + 1000);
    adb.close();
    const path = accountDbPath(dataDir, 'newer');
    expect(existsSync(`${path}-wal`)).toBe(false); // fully checkpointed: the main file is the whole database
    const before = sha(path);

    expect(() => openAccountDb({ dataDir, accountId: 'newer' })).toThrow(
      expect.objectContaining({
        name: 'DbError',
        code: 'db_too_new',
        message: expect.stringMatching(/newer version/),
      }),
    );
    expect(sha(path)).toBe(before);
  });

  it('reports a file that is not a database as db_corrupt, without overwriting it', () => {
    const dataDir = tempDataDir();
    const path = accountDbPath(dataDir, 'junk');
    openAccountDb({ dataDir, accountId: 'junk' }).close();
    writeFileSync(path, 'this is not a database, just some text that happens to be here'.repeat(100));
    const before = sha(path);
    expect(() => openAccountDb({ dataDir, accountId: 'junk' })).toThrow(
      expect.objectContaining({ code: 'db_corrupt' }),
    );
    expect(sha(path)).toBe(before);
  });

  it('upgrades a cache from the first search layout, keeping its recordings searchable', () => {
    const dataDir = tempDataDir();
    const old = openAccountDb({
      dataDir,
      accountId: 'upgrade',
      migrationsFolder: migrationsUpTo('0002_outbox_push'),
    });
    // The first layout kept the JSON in `recordings` itself; write it the way that build did.
    old.sqlite
      .prepare(
        'INSERT INTO recordings (uuid, raw, title, recording_type, created_at, has_logs, has_summary, search_people, search_meta) ' +
          'VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?)',
      )
      .run(
        'old-1',
        JSON.stringify(
          recording({ uuid: 'old-1', title: 'Café crashes', console_logs: '[error] ChunkLoadError' }),
        ),
        'Café crashes',
        'Live',
        Date.UTC(2026, 0, 1),
        'someone@acme.com',
        'Zendesk Ticket',
      );
    old.close();

    const upgraded = openAccountDb({ dataDir, accountId: 'upgrade' });
    expect(upgraded.recordings.get('old-1')?.console_logs).toBe('[error] ChunkLoadError');
    expect(searchRecordings(upgraded, { query: 'cafe chunkloaderror' }).results.map((r) => r.uuid)).toEqual([
      'old-1',
    ]);
    expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    upgraded.sqlite
      .prepare("INSERT INTO recordings_fts(recordings_fts, rank) VALUES ('integrity-check', 1)")
      .run();
    upgraded.close();
  });

  // Every layout since the payloads moved out of `recordings` (0004), including the ones whose index was
  // detached (0003, 0006), the previous release's (0008) and the contentless_delete index (0009, 0010).
  // Rows are written with SQL, as those builds wrote them: the current repository code does not know
  // their tables.
  const payloadLayouts = MIGRATION_TAGS.filter((t) => t >= '0004' && t < '0011');
  it.each(payloadLayouts)('upgrades a cache from layout %s, with an index equal to a fresh one', (tag) => {
    const dataDir = tempDataDir();
    const old = openAccountDb({ dataDir, accountId: 'layout', migrationsFolder: migrationsUpTo(tag) });
    const raw = JSON.stringify(
      recording({ uuid: 'old-2', title: 'Café crashes', console_logs: '[error] ChunkLoadError' }),
    );
    const id = old.sqlite
      .prepare(
        "INSERT INTO recordings (uuid, title, has_logs, has_summary) VALUES ('old-2', 'Café crashes', 1, 0)",
      )
      .run().lastInsertRowid;
    const payloadColumns = old.sqlite
      .prepare("SELECT name FROM pragma_table_info('recording_payloads')")
      .pluck()
      .all() as string[];
    const extra = payloadColumns.filter((c) => c === 'search_meta' || c === 'search_people');
    old.sqlite
      .prepare(
        `INSERT INTO recording_payloads (id, raw${extra.map((c) => `, ${c}`).join('')}) ` +
          `VALUES (?, ?${extra.map(() => ", 'Zendesk Ticket'").join('')})`,
      )
      .run(id, raw);
    old.close();

    const upgraded = openAccountDb({ dataDir, accountId: 'layout' });
    expect(searchRecordings(upgraded, { query: 'cafe chunkloaderror' }).results.map((r) => r.uuid)).toEqual([
      'old-2',
    ]);
    expectIndexMatchesSource(upgraded.sqlite);
    // A change outside the index, then one inside it: the row has no digest yet, and is reindexed.
    upgraded.recordings.upsertPage([{ ...(JSON.parse(raw) as object), views: 9 }]);
    expectIndexMatchesSource(upgraded.sqlite);
    upgraded.recordings.upsertPage([recording({ uuid: 'old-2', title: 'Renamed' })]);
    expect(searchRecordings(upgraded, { query: 'cafe' }).total).toBe(0);
    expectIndexMatchesSource(upgraded.sqlite);
    upgraded.close();
  });
});
