// 0014: server times written with a space and no zone are UTC; builds before read them as local time.
// The instants cached that way are read again from the stored record; nothing else changes.
import { describe, expect, it } from 'vitest';
import { recording } from '../../helpers/db-fixtures';
import { cacheBefore } from '../../helpers/migrations';

describe('migration 0014_server_times_utc', () => {
  it('upgrades a cache from layout 0013: zone-less times written with a space become the UTC instants they are', () => {
    const cache = cacheBefore('0014_server_times_utc');
    const old = cache.adb;
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

    const upgraded = cache.migrate('0014_server_times_utc');
    const after = (uuid: string): unknown =>
      upgraded.sqlite.prepare('SELECT created_at, updated_at FROM recordings WHERE uuid = ?').get(uuid);
    expect(after('space')).toEqual({
      created_at: Date.UTC(2026, 0, 15, 23, 30),
      updated_at: Date.UTC(2026, 0, 16, 0, 5, 30, 250),
    });
    // A time with a zone was read right before and is left alone; so is what no reader understands.
    expect(after('zoned')).toEqual(zonedBefore);
    expect(after('odd')).toEqual({ created_at: 1, updated_at: 2 });
  });
});
