// 0016: the filter index, (id, created_at, duration), which search joins its matches through when every
// qualifier left for SQL is about time, length or tickets (src/main/search/search.ts).
import { describe, expect, it } from 'vitest';
import { searchRecordings } from '../../../src/main/search';
import { recording } from '../../helpers/db-fixtures';
import { cacheBefore } from '../../helpers/migrations';

describe('migration 0016_recordings_filter_index', () => {
  it('upgrades a cache from layout 0015: its qualified searches answer through the new index', () => {
    const cache = cacheBefore('0016_recordings_filter_index');
    cache.adb.recordings.upsertPage([
      recording({
        uuid: 'short-new',
        title: 'Upload stuck',
        metadata: { duration: 30, created_at: '2026-06-03T10:00:00Z' },
      }),
      recording({
        uuid: 'short-old',
        title: 'Upload stuck',
        metadata: { duration: 60, created_at: '2026-01-03T10:00:00Z' },
      }),
      recording({
        uuid: 'long',
        title: 'Upload stuck',
        metadata: { duration: 900, created_at: '2026-06-04T10:00:00Z' },
      }),
      recording({ uuid: 'unknown', title: 'Upload stuck', metadata: { duration: null, created_at: null } }),
    ]);

    const upgraded = cache.migrate('0016_recordings_filter_index');
    const columns = upgraded.sqlite
      .prepare("SELECT name FROM pragma_index_info('recordings_filter_idx') ORDER BY seqno")
      .pluck()
      .all();
    expect(columns).toEqual(['id', 'created_at', 'duration']);
    const uuids = (query: string): string[] =>
      searchRecordings(upgraded, { query, timeZone: 'UTC' }).results.map((r) => r.uuid);
    expect(
      ['upload duration:<120', 'upload created:>2026-06-01', 'upload -duration:<120'].map(uuids),
    ).toEqual([
      ['short-new', 'short-old'],
      ['long', 'short-new'],
      ['long', 'unknown'],
    ]);
  });
});
