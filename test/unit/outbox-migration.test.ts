import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAccountDb } from '../../src/main/db';

const shipped = resolve(import.meta.dirname, '../../drizzle');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sdesk-outbox-migration-'));
  dirs.push(d);
  return d;
}

/** A copy of the shipped migrations that stops before 0002 (what a previous build shipped). */
function migrationsBefore0002(): string {
  const folder = join(tempDir(), 'drizzle');
  cpSync(shipped, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < '0002');
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0002_outbox_push', () => {
  it('adds theirs, sent_values and next_attempt_at, keeping edits queued by an older build', () => {
    const dataDir = tempDir();
    const old = openAccountDb({ dataDir, accountId: 'upgrade', migrationsFolder: migrationsBefore0002() });
    old.sqlite
      .prepare(
        'INSERT INTO outbox (uuid, fields, base_values, status, attempts, created_at, updated_at) ' +
          'VALUES (\'u-1\', \'{"title":"Queued before the upgrade"}\', \'{"title":"Old"}\', \'pending\', 0, 1, 1)',
      )
      .run();
    old.close();

    const upgraded = openAccountDb({ dataDir, accountId: 'upgrade' });
    const columns = (upgraded.sqlite.prepare('PRAGMA table_info(outbox)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).toEqual(expect.arrayContaining(['theirs', 'sent_values', 'next_attempt_at']));
    expect(upgraded.sqlite.prepare('SELECT uuid, fields, status, theirs FROM outbox').all()).toEqual([
      { uuid: 'u-1', fields: '{"title":"Queued before the upgrade"}', status: 'pending', theirs: null },
    ]);
    expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    upgraded.close();
  });
});
