// 0005: the second search index, over the payloads. What was cached before it is found again; a change
// the index does not hold (a view count) leaves it as it was, a changed title is found by its new words.
import { describe, expect, it } from 'vitest';
import { oldRecording, storeWithPayload } from '../../helpers/migration-rows';
import { cacheBefore, expectIntact, ftsMatch } from '../../helpers/migrations';

describe('migration 0005_recordings_fts_v2', () => {
  it('indexes the payloads already cached, and follows their changes', () => {
    const cache = cacheBefore('0005_recordings_fts_v2');
    const record = oldRecording('old-1');
    const id = storeWithPayload(cache.sqlite, record);
    const { sqlite } = cache.migrate('0005_recordings_fts_v2');
    for (const query of [
      'title:cafe',
      'summary:checkout',
      'logs:chunkloaderror',
      'people:ana',
      'meta:zendesk',
    ]) {
      expect(ftsMatch(sqlite, query), query).toEqual([id]);
    }
    expectIntact(sqlite);

    const update = sqlite.prepare('UPDATE recording_payloads SET raw = ? WHERE id = ?');
    update.run(JSON.stringify({ ...record, views: 9 }), id);
    expect(ftsMatch(sqlite, 'cafe')).toEqual([id]);
    expectIntact(sqlite);
    update.run(JSON.stringify({ ...record, title: 'Quokka upload' }), id);
    expect(ftsMatch(sqlite, 'title:cafe')).toEqual([]);
    expect(ftsMatch(sqlite, 'quokka')).toEqual([id]);
    expectIntact(sqlite);
  });
});
