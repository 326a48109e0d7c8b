import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAccountDb } from '../../../src/main/db';

const shipped = resolve(import.meta.dirname, '../../../drizzle');
const journal = JSON.parse(readFileSync(join(shipped, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string; when: number }[];
};
// The migration that gave the outbox its push columns (found by content, so renumbering does not matter).
const introducing = journal.entries.find((e) =>
  readFileSync(join(shipped, `${e.tag}.sql`), 'utf8').includes('`sent_values`'),
);
const PUSH_COLUMNS = ['theirs', 'sent_values', 'next_attempt_at'];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sdesk-outbox-migration-'));
  dirs.push(d);
  return d;
}

/** A copy of the shipped migrations without `tag` and later ones (what an earlier build shipped). */
function migrationsBefore(tag: string): string {
  const folder = join(tempDir(), 'drizzle');
  cpSync(shipped, folder, { recursive: true });
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }),
  );
  return folder;
}

function outboxColumns(sqlite: { prepare(sql: string): { all(): unknown[] } }): string[] {
  return (sqlite.prepare('PRAGMA table_info(outbox)').all() as { name: string }[]).map((c) => c.name);
}

describe('outbox push columns', () => {
  it('a new cache has theirs, sent_values and next_attempt_at', () => {
    expect(introducing, 'no migration adds the outbox push columns').toBeDefined();
    const adb = openAccountDb({ dataDir: tempDir(), accountId: 'fresh' });
    expect(outboxColumns(adb.sqlite)).toEqual(expect.arrayContaining(PUSH_COLUMNS));
    adb.close();
  });

  // Only meaningful while the columns arrive in a migration of their own (not folded into the first one).
  it.skipIf(journal.entries[0]?.tag === introducing?.tag)(
    'upgrading a cache from before them keeps the edits it holds',
    () => {
      const dataDir = tempDir();
      const old = openAccountDb({
        dataDir,
        accountId: 'upgrade',
        migrationsFolder: migrationsBefore(introducing!.tag),
      });
      expect(outboxColumns(old.sqlite)).not.toContain('sent_values');
      old.sqlite
        .prepare(
          'INSERT INTO outbox (uuid, fields, base_values, status, attempts, created_at, updated_at) ' +
            'VALUES (\'u-1\', \'{"title":"Queued before the upgrade"}\', \'{"title":"Old"}\', \'pending\', 0, 1, 1)',
        )
        .run();
      old.close();

      const upgraded = openAccountDb({ dataDir, accountId: 'upgrade' });
      expect(outboxColumns(upgraded.sqlite)).toEqual(expect.arrayContaining(PUSH_COLUMNS));
      expect(upgraded.sqlite.prepare('SELECT uuid, fields, status, theirs FROM outbox').all()).toEqual([
        { uuid: 'u-1', fields: '{"title":"Queued before the upgrade"}', status: 'pending', theirs: null },
      ]);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      upgraded.close();
    },
  );
});
