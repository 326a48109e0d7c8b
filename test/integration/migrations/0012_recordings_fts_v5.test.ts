// 0012: the fifth search index. Its facet tokens come from recording_payloads.search_facets, which this
// migration fills in for the rows cached before (from their narrow rows, as 0009 computed them), and a
// change or removal tells the index the old text instead of leaving tombstones.
import { describe, expect, it } from 'vitest';
import { oldRecording, storeWithPayload } from '../../helpers/migration-rows';
import { cacheBefore, expectIntact, facetQuery as facet, ftsMatch } from '../../helpers/migrations';

describe('migration 0012_recordings_fts_v5', () => {
  it('fills in the facets of the rows cached before and indexes them', () => {
    const cache = cacheBefore('0012_recordings_fts_v5');
    const live = storeWithPayload(cache.sqlite, oldRecording('old-1'));
    const sent = storeWithPayload(cache.sqlite, oldRecording('old-2', { title: 'Quokka upload' }));
    cache.sqlite
      .prepare(
        "UPDATE recordings SET recording_type = 'Sent', platform = 'freshdesk_chat', has_summary = 0 WHERE id = ?",
      )
      .run(sent);
    const { sqlite } = cache.migrate('0012_recordings_fts_v5');
    const facets = sqlite.prepare('SELECT search_facets FROM recording_payloads WHERE id = ?').pluck();
    expect(facets.get(live)).toBe('\uE000typelive \uE000platformzendesk \uE000haslogs \uE000hassummary');
    expect(facets.get(sent)).toBe('\uE000typesent \uE000platformfreshdeskchat \uE000haslogs');
    expect(ftsMatch(sqlite, facet('typelive'))).toEqual([live]);
    expect(ftsMatch(sqlite, `quokka ${facet('platformfreshdeskchat')}`)).toEqual([sent]);
    expect(ftsMatch(sqlite, facet('hassummary'))).toEqual([live]);
    expectIntact(sqlite);
  });

  it('reindexes a row without a digest when it changes, and forgets a removed one', () => {
    const cache = cacheBefore('0012_recordings_fts_v5');
    const record = oldRecording('old-1');
    const id = storeWithPayload(cache.sqlite, record);
    const other = storeWithPayload(cache.sqlite, oldRecording('old-2'));
    const { sqlite } = cache.migrate('0012_recordings_fts_v5');
    sqlite
      .prepare('UPDATE recording_payloads SET raw = ? WHERE id = ?')
      .run(JSON.stringify({ ...record, title: 'Renamed' }), id);
    expect(ftsMatch(sqlite, 'title:cafe')).toEqual([other]);
    expect(ftsMatch(sqlite, 'renamed')).toEqual([id]);
    sqlite.prepare('DELETE FROM recordings WHERE id = ?').run(other);
    expect(ftsMatch(sqlite, 'cafe')).toEqual([]);
    expect(ftsMatch(sqlite, facet('typelive'))).toEqual([id]);
    expectIntact(sqlite);
  });
});
