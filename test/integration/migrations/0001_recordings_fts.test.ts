// 0001: the first search index, over the JSON kept in `recordings`. What was cached before it is found,
// accents ignored, by any of the indexed texts; later writes keep the index in step.
import { describe, expect, it } from 'vitest';
import { storeInRecordings, oldRecording } from '../../helpers/migration-rows';
import { cacheBefore, expectIntact, ftsMatch } from '../../helpers/migrations';

describe('migration 0001_recordings_fts', () => {
  it('indexes the recordings already cached: title, logs, people and details, accents ignored', () => {
    const cache = cacheBefore('0001_recordings_fts');
    const id = storeInRecordings(cache.sqlite, oldRecording('old-1'));
    const { sqlite } = cache.migrate('0001_recordings_fts');
    for (const query of ['cafe', 'Café', 'chunkloaderror', 'people:ana', 'meta:zendesk', 'checkou*']) {
      expect(ftsMatch(sqlite, query), query).toEqual([id]);
    }
    expect(ftsMatch(sqlite, 'quokka')).toEqual([]);
    expectIntact(sqlite);
  });

  it('keeps the index in step with recordings written, changed and removed afterwards', () => {
    const cache = cacheBefore('0001_recordings_fts');
    const first = storeInRecordings(cache.sqlite, oldRecording('old-1'));
    const { sqlite } = cache.migrate('0001_recordings_fts');
    const second = storeInRecordings(sqlite, oldRecording('new-1', { title: 'Quokka upload' }));
    expect(ftsMatch(sqlite, 'quokka')).toEqual([second]);
    sqlite.prepare("UPDATE recordings SET title = 'Renamed' WHERE id = ?").run(first);
    expect(ftsMatch(sqlite, 'title:cafe')).toEqual([]);
    expect(ftsMatch(sqlite, 'renamed')).toEqual([first]);
    sqlite.prepare('DELETE FROM recordings WHERE id = ?').run(second);
    expect(ftsMatch(sqlite, 'quokka')).toEqual([]);
    expectIntact(sqlite);
  });
});
