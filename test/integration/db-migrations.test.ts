import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { accountDbPath, BUSY_TIMEOUT_MS, openAccountDb } from '../../src/main/db';
import { extractColumns } from '../../src/main/db/extract';
import { searchRecordings } from '../../src/main/search';
import type { Recording } from '../../src/shared/screendesk-api';
import { recording } from '../helpers/db-fixtures';
import { tempDataDir } from '../helpers/db-temp';
import { expectIndexMatchesSource } from '../helpers/fts-check';

const shipped = resolve(import.meta.dirname, '../../drizzle');
const journal = JSON.parse(readFileSync(join(shipped, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const tables = (sqlite: Database.Database): string[] =>
  (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((n) => !n.startsWith('sqlite_') && !n.startsWith('recordings_fts_'));

/** A copy of the shipped migrations up to and including `tag` (what an earlier build shipped). */
function migrationsUpTo(tag: string): string {
  const folder = join(tempDataDir(), 'drizzle');
  cpSync(shipped, folder, { recursive: true });
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut + 1) }),
  );
  return folder;
}

/** Stores records the way the build of layout 0012 did: its narrow row and its payload's columns. */
function storeAsLayout0012(sqlite: Database.Database, records: Recording[]): void {
  for (const record of records) {
    const c = extractColumns(record);
    if (c === null) throw new Error('a fixture without a uuid');
    const id = sqlite
      .prepare(
        'INSERT INTO recordings (uuid, title, summary, title_folded, summary_folded, created_at, has_logs, has_summary) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        c.uuid,
        c.title,
        c.summary,
        c.titleFolded,
        c.summaryFolded,
        c.createdAt,
        c.hasLogs ? 1 : 0,
        c.hasSummary ? 1 : 0,
      ).lastInsertRowid;
    sqlite
      .prepare(
        'INSERT INTO recording_payloads (id, raw, search_meta, search_facets, search_digest) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, JSON.stringify(record), c.searchMeta, c.searchFacets, c.searchDigest);
  }
}

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
    ]);
    expect(adb.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(adb.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(adb.sqlite.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(adb.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
      journal.entries.length,
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
      journal.entries.length,
    );
    second.close();
  });

  it('refuses a cache written by a newer version and leaves it byte-identical', () => {
    const dataDir = tempDataDir();
    const adb = openAccountDb({ dataDir, accountId: 'newer' });
    adb.recordings.upsertPage([recording({ uuid: 'x' })]);
    const latest = Math.max(...journal.entries.map((e) => e.when));
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
  const payloadLayouts = journal.entries.map((e) => e.tag).filter((t) => t >= '0004' && t < '0011');
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

  it('upgrades a cache from layout 0012: its CJK text is found by part of a word, its short prefixes too', () => {
    const dataDir = tempDataDir();
    const old = openAccountDb({
      dataDir,
      accountId: 'cjk',
      migrationsFolder: migrationsUpTo('0012_recordings_fts_v5'),
    });
    // Written with SQL, as that build wrote them: the current repository code also writes search_cjk,
    // which 0013 adds (and fills in for these rows).
    const firefox = { technical_details: { vendor: 'Firefox' } }; // no "Chrome" to match "ch"
    storeAsLayout0012(old.sqlite, [
      recording({ ...firefox, uuid: 'ja', title: '支払いエラー', summary: 'Checkout fails' }),
      recording({ ...firefox, uuid: 'ko', title: '결제 오류', console_logs: '[error] 업로드 실패' }),
      recording({ ...firefox, uuid: 'en', title: 'Quokka text only' }),
    ]);
    old.close();

    const upgraded = openAccountDb({ dataDir, accountId: 'cjk' });
    expect(
      upgraded.sqlite
        .prepare(
          'SELECT r.uuid FROM recordings r JOIN recording_payloads p USING (id) WHERE p.search_cjk IS NOT NULL',
        )
        .pluck()
        .all(),
    ).toEqual(['ja', 'ko']);
    const found = (query: string): string[] =>
      searchRecordings(upgraded, { query, sort: 'oldest' }).results.map((r) => r.uuid);
    expect(found('払い')).toEqual(['ja']);
    expect(found('エラー')).toEqual(['ja']);
    expect(found('로드')).toEqual(['ko']);
    expect(found('ch')).toEqual(['ja']);
    expect(found('q')).toEqual(['en']);
    expectIndexMatchesSource(upgraded.sqlite);
    // Changed and removed after the upgrade: the old CJK entries go with the old text.
    upgraded.recordings.upsertPage([
      recording({ ...firefox, uuid: 'ja', title: '登録できない', summary: 'Checkout fails' }),
    ]);
    expect(found('払い')).toEqual([]);
    expect(found('録で')).toEqual(['ja']);
    expectIndexMatchesSource(upgraded.sqlite);
    upgraded.close();
  });

  it('upgrades a cache from layout 0013: zone-less times written with a space become the UTC instants they are', () => {
    const dataDir = tempDataDir();
    const old = openAccountDb({
      dataDir,
      accountId: 'times',
      migrationsFolder: migrationsUpTo('0013_recordings_fts_v6'),
    });
    const at = (created: string, updated: string): Record<string, unknown> => ({
      metadata: { created_at: created, updated_at: updated },
    });
    old.recordings.upsertPage([
      recording({ uuid: 'space', ...at('2026-01-15 23:30:00', '2026-01-16 00:05:30.250') }),
      recording({ uuid: 'zoned', ...at('2026-01-15 23:30:00+02:00', '2026-01-15T21:30:00Z') }),
      recording({ uuid: 'odd', ...at('2026-01-15 late evening', 'not a time') }),
    ]);
    // What a build before this one stored on a machine seven hours behind UTC: the space form as local time.
    const shifted = (ms: number): number => ms + 7 * 3_600_000;
    const times = (uuid: string): unknown =>
      old.sqlite.prepare('SELECT created_at, updated_at FROM recordings WHERE uuid = ?').get(uuid);
    old.sqlite
      .prepare("UPDATE recordings SET created_at = ?, updated_at = ? WHERE uuid = 'space'")
      .run(shifted(Date.UTC(2026, 0, 15, 23, 30)), shifted(Date.UTC(2026, 0, 16, 0, 5, 30, 250)));
    old.sqlite.prepare("UPDATE recordings SET created_at = 1, updated_at = 2 WHERE uuid = 'odd'").run();
    const zonedBefore = times('zoned');
    old.close();

    const upgraded = openAccountDb({ dataDir, accountId: 'times' });
    const after = (uuid: string): unknown =>
      upgraded.sqlite.prepare('SELECT created_at, updated_at FROM recordings WHERE uuid = ?').get(uuid);
    expect(after('space')).toEqual({
      created_at: Date.UTC(2026, 0, 15, 23, 30),
      updated_at: Date.UTC(2026, 0, 16, 0, 5, 30, 250),
    });
    // A time with a zone was read right before and is left alone; so is what no reader understands.
    expect(after('zoned')).toEqual(zonedBefore);
    expect(after('odd')).toEqual({ created_at: 1, updated_at: 2 });
    upgraded.close();
  });

  it('folds the titles and summaries of a cache stored before they were folded, once, at open', () => {
    const dataDir = tempDataDir();
    const old = openAccountDb({
      dataDir,
      accountId: 'fold',
      migrationsFolder: migrationsUpTo('0009_recordings_fts_v4'),
    });
    // Written with SQL, as that build wrote it: the current repository code stores the folded columns.
    const id = old.sqlite
      .prepare(
        "INSERT INTO recordings (uuid, title, summary, has_logs, has_summary) VALUES ('f', 'Café Lumière', 'Über alles', 0, 1)",
      )
      .run().lastInsertRowid;
    old.sqlite
      .prepare('INSERT INTO recording_payloads (id, raw) VALUES (?, ?)')
      .run(id, JSON.stringify(recording({ uuid: 'f', title: 'Café Lumière', summary: 'Über alles' })));
    old.close();

    const upgraded = openAccountDb({ dataDir, accountId: 'fold' });
    expect(
      upgraded.sqlite.prepare("SELECT title_folded, summary_folded FROM recordings WHERE uuid = 'f'").get(),
    ).toEqual({ title_folded: 'cafe lumiere', summary_folded: 'uber alles' });
    upgraded.close();
  });
});
