// 0011: two columns the app fills in as it stores each record (the facet tokens and a digest of the
// indexed text), read by the next index. The payloads cached before keep everything and stay found.
import { describe, expect, it } from 'vitest';
import { oldRecording, storeWithPayload } from '../../helpers/migration-rows';
import { cacheBefore, columnsOf, expectIntact, ftsMatch } from '../../helpers/migrations';

describe('migration 0011_payload_search_columns', () => {
  it('adds search_facets and search_digest, empty for the payloads already cached, which stay found', () => {
    const cache = cacheBefore('0011_payload_search_columns');
    const record = oldRecording('old-1');
    const id = storeWithPayload(cache.sqlite, record);
    const { sqlite } = cache.migrate('0011_payload_search_columns');
    expect(columnsOf(sqlite, 'recording_payloads')).toEqual([
      'id',
      'raw',
      'search_meta',
      'search_facets',
      'search_digest',
    ]);
    const payload = sqlite.prepare('SELECT * FROM recording_payloads WHERE id = ?').get(id);
    expect(payload).toEqual({
      id,
      raw: JSON.stringify(record),
      search_meta: 'Zendesk Ticket',
      search_facets: null,
      search_digest: null,
    });
    expect(ftsMatch(sqlite, 'cafe chunkloaderror')).toEqual([id]);
    expectIntact(sqlite);
  });
});
