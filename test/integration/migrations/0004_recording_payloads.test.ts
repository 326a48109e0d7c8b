// 0004: the server JSON moves out of `recordings` into `recording_payloads`, so that lists and searches
// read a narrow row. Every cached recording keeps its JSON (some may be gone from the server by now).
import { describe, expect, it } from 'vitest';
import { oldRecording, storeInRecordings } from '../../helpers/migration-rows';
import { cacheBefore, columnsOf, expectIntact } from '../../helpers/migrations';

describe('migration 0004_recording_payloads', () => {
  it('moves each recording’s JSON and search columns to its payload row, and drops them from recordings', () => {
    const cache = cacheBefore('0004_recording_payloads');
    const record = oldRecording('old-1');
    const id = storeInRecordings(cache.sqlite, record);
    const { sqlite } = cache.migrate('0004_recording_payloads');
    expect(columnsOf(sqlite, 'recordings')).not.toContain('raw');
    expect(columnsOf(sqlite, 'recordings')).not.toContain('search_people');
    const payload = sqlite
      .prepare('SELECT raw, search_people, search_meta FROM recording_payloads WHERE id = ?')
      .get(id) as {
      raw: string;
      search_people: string;
      search_meta: string;
    };
    expect(JSON.parse(payload.raw)).toEqual(JSON.parse(JSON.stringify(record)));
    expect(payload).toMatchObject({ search_people: 'ana@acme.com', search_meta: 'Zendesk Ticket' });
    expect(sqlite.prepare('SELECT uuid, title FROM recordings WHERE id = ?').get(id)).toEqual({
      uuid: 'old-1',
      title: 'Café crashes',
    });
    expectIntact(sqlite);
  });

  it('removes a payload with its recording', () => {
    const cache = cacheBefore('0004_recording_payloads');
    const id = storeInRecordings(cache.sqlite, oldRecording('old-1'));
    const { sqlite } = cache.migrate('0004_recording_payloads');
    sqlite.prepare('DELETE FROM recordings WHERE id = ?').run(id);
    expect(sqlite.prepare('SELECT count(*) FROM recording_payloads').pluck().get()).toBe(0);
  });
});
