// 0009: the fourth search index, contentless, with facet tokens for type, platform, logs and summary
// read from the narrow row. The recordings cached before it answer `type:` and `platform:` inside it.
import { describe, expect, it } from 'vitest';
import { oldRecording, storeWithPayload } from '../../helpers/migration-rows';
import { cacheBefore, expectIntact, facetQuery as facet, ftsMatch } from '../../helpers/migrations';

describe('migration 0009_recordings_fts_v4', () => {
  it('indexes the payloads already cached with their facets, and drops a removed one', () => {
    const cache = cacheBefore('0009_recordings_fts_v4');
    const live = storeWithPayload(cache.sqlite, oldRecording('old-1'));
    const sent = storeWithPayload(cache.sqlite, oldRecording('old-2', { title: 'Quokka upload' }));
    cache.sqlite
      .prepare(
        "UPDATE recordings SET recording_type = 'Sent', platform = 'Help Scout', has_logs = 0 WHERE id = ?",
      )
      .run(sent);
    const { sqlite } = cache.migrate('0009_recordings_fts_v4');
    expect(ftsMatch(sqlite, 'cafe')).toEqual([live]);
    expect(ftsMatch(sqlite, facet('typelive'))).toEqual([live]);
    expect(ftsMatch(sqlite, facet('typesent'))).toEqual([sent]);
    expect(ftsMatch(sqlite, facet('platformzendesk'))).toEqual([live]);
    expect(ftsMatch(sqlite, facet('platformhelpscout'))).toEqual([sent]);
    expect(ftsMatch(sqlite, facet('haslogs'))).toEqual([live]);
    expect(ftsMatch(sqlite, `quokka ${facet('typesent')}`)).toEqual([sent]);
    expectIntact(sqlite);

    sqlite.prepare('DELETE FROM recordings WHERE id = ?').run(sent);
    expect(ftsMatch(sqlite, 'quokka')).toEqual([]);
    expect(ftsMatch(sqlite, facet('typesent'))).toEqual([]);
    expectIntact(sqlite);
  });
});
