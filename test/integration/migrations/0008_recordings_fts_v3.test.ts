// 0008: the third search index, with customer and agent as columns of their own (`customer:`, `user:`)
// read from the JSON. The recordings cached before it are found by each.
import { describe, expect, it } from 'vitest';
import { oldRecording, storeWithPayload } from '../../helpers/migration-rows';
import { cacheBefore, expectIntact, ftsMatch } from '../../helpers/migrations';

describe('migration 0008_recordings_fts_v3', () => {
  it('indexes the payloads already cached, customer and agent in their own columns', () => {
    const cache = cacheBefore('0008_recordings_fts_v3');
    const record = oldRecording('old-1');
    const id = storeWithPayload(cache.sqlite, record);
    const other = storeWithPayload(
      cache.sqlite,
      oldRecording('old-2', { customer: { email: 'bo@else.org' } }),
    );
    const { sqlite } = cache.migrate('0008_recordings_fts_v3');
    expect(ftsMatch(sqlite, 'cafe')).toEqual([id, other]);
    expect(ftsMatch(sqlite, 'customer:ana')).toEqual([id]);
    expect(ftsMatch(sqlite, 'customer:bo')).toEqual([other]);
    expect(ftsMatch(sqlite, 'agent:alex')).toEqual([id, other]);
    expect(ftsMatch(sqlite, 'details:zendesk')).toEqual([id, other]);
    expect(ftsMatch(sqlite, 'logs:chunk*')).toEqual([id, other]);
    expectIntact(sqlite);

    sqlite
      .prepare('UPDATE recording_payloads SET raw = ? WHERE id = ?')
      .run(JSON.stringify({ ...record, customer: { email: 'cy@new.net' } }), id);
    expect(ftsMatch(sqlite, 'customer:ana')).toEqual([]);
    expect(ftsMatch(sqlite, 'customer:cy')).toEqual([id]);
    sqlite.prepare('DELETE FROM recordings WHERE id = ?').run(other);
    expect(ftsMatch(sqlite, 'cafe')).toEqual([id]);
    expectIntact(sqlite);
  });
});
