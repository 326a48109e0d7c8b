// 0002: the outbox's push columns (what the server had when an edit conflicted, what was sent, when to
// try again). Edits queued before the upgrade stay queued, as they were.
import { describe, expect, it } from 'vitest';
import { openAccountDb } from '../../../src/main/db';
import { tempDataDir } from '../../helpers/db-temp';
import { cacheBefore, columnsOf, expectIntact } from '../../helpers/migrations';

const PUSH_COLUMNS = ['theirs', 'sent_values', 'next_attempt_at'];

function outboxColumns(sqlite: Parameters<typeof columnsOf>[0]): string[] {
  return columnsOf(sqlite, 'outbox');
}

describe('migration 0002_outbox_push', () => {
  describe('outbox push columns', () => {
    it('a new cache has theirs, sent_values and next_attempt_at', () => {
      const adb = openAccountDb({ dataDir: tempDataDir(), accountId: 'fresh' });
      expect(outboxColumns(adb.sqlite)).toEqual(expect.arrayContaining(PUSH_COLUMNS));
      adb.close();
    });

    it('upgrading a cache from before them keeps the edits it holds', () => {
      const cache = cacheBefore('0002_outbox_push', 'upgrade');
      const old = cache.sqlite;
      expect(outboxColumns(old)).not.toContain('sent_values');
      old
        .prepare(
          'INSERT INTO outbox (uuid, fields, base_values, status, attempts, created_at, updated_at) ' +
            'VALUES (\'u-1\', \'{"title":"Queued before the upgrade"}\', \'{"title":"Old"}\', \'pending\', 0, 1, 1)',
        )
        .run();

      const upgraded = cache.migrate('0002_outbox_push');
      expect(outboxColumns(upgraded.sqlite)).toEqual(expect.arrayContaining(PUSH_COLUMNS));
      expect(upgraded.sqlite.prepare('SELECT uuid, fields, status, theirs FROM outbox').all()).toEqual([
        { uuid: 'u-1', fields: '{"title":"Queued before the upgrade"}', status: 'pending', theirs: null },
      ]);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expectIntact(upgraded.sqlite);
    });
  });
});
