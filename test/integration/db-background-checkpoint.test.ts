import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { withBackgroundCheckpoints } from '../../src/main/db';
import { generateRecordings } from '../../src/main/demo';
import { freshAccountDb } from '../helpers/db-temp';

const autocheckpoint = (adb: AccountDb): number =>
  adb.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;

/** Writes a few megabytes, in pages, as a sync does. */
function writeSome(adb: AccountDb): void {
  const records = generateRecordings(1500, { seed: 3 });
  for (let i = 0; i < records.length; i += 100) adb.recordings.upsertPage(records.slice(i, i + 100));
}

describe('withBackgroundCheckpoints', () => {
  it('copies the log into the database file from another thread while the writer carries on', async () => {
    const adb = freshAccountDb();
    const before = statSync(adb.path).size;
    await withBackgroundCheckpoints(adb, async () => {
      // The writer's own checkpoints are out of the way meanwhile...
      expect(autocheckpoint(adb)).toBeGreaterThan(1000);
      writeSome(adb);
      // ...so only the worker can have grown the database file.
      for (let i = 0; i < 50 && statSync(adb.path).size < before + 2_000_000; i++) await sleep(100);
      expect(statSync(adb.path).size).toBeGreaterThan(before + 2_000_000);
    });
    expect(autocheckpoint(adb)).toBe(1000);
    expect(adb.recordings.count()).toBe(1500);
  });

  it('falls back to checkpoints on the writer when the worker cannot start', async () => {
    const adb = freshAccountDb();
    const result = await withBackgroundCheckpoints(
      adb,
      async () => {
        for (let i = 0; i < 50 && autocheckpoint(adb) !== 1000; i++) await sleep(20);
        expect(autocheckpoint(adb)).toBe(1000);
        writeSome(adb);
        return 'done';
      },
      { modulePath: '/nonexistent/better-sqlite3' },
    );
    expect(result).toBe('done');
    expect(adb.recordings.count()).toBe(1500);
  });

  it('passes on a failure of the work and still stops the worker', async () => {
    const adb = freshAccountDb();
    await expect(
      withBackgroundCheckpoints(adb, () => Promise.reject(new Error('walk failed'))),
    ).rejects.toThrow('walk failed');
    expect(autocheckpoint(adb)).toBe(1000);
  });
});
