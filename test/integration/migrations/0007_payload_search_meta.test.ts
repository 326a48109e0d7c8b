// 0007: the participants' own column goes (the next index reads customer and agent from the JSON); the
// JSON and the details stay.
import { describe, expect, it } from 'vitest';
import { oldRecording, storeWithPayload } from '../../helpers/migration-rows';
import { cacheBefore, columnsOf, expectIntact } from '../../helpers/migrations';

describe('migration 0007_payload_search_meta', () => {
  it('drops search_people and keeps each payload’s JSON and details', () => {
    const cache = cacheBefore('0007_payload_search_meta');
    const record = oldRecording('old-1');
    const id = storeWithPayload(cache.sqlite, record);
    const { sqlite } = cache.migrate('0007_payload_search_meta');
    expect(columnsOf(sqlite, 'recording_payloads')).toEqual(['id', 'raw', 'search_meta']);
    const payload = sqlite
      .prepare('SELECT raw, search_meta FROM recording_payloads WHERE id = ?')
      .get(id) as {
      raw: string;
      search_meta: string;
    };
    expect(JSON.parse(payload.raw)).toEqual(JSON.parse(JSON.stringify(record)));
    expect(payload.search_meta).toBe('Zendesk Ticket');
    expectIntact(sqlite);
  });
});
