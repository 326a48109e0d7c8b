// 0003 and 0006 take a search index apart so that the next migration can change the columns it read.
// Nothing cached may go with it: the recordings stay, and can still be written without an index.
import { describe, expect, it } from 'vitest';
import { oldRecording, storeInRecordings, storeWithPayload } from '../../helpers/migration-rows';
import { cacheBefore, expectIntact, schemaObjects } from '../../helpers/migrations';

describe('migration 0003_fts_detach', () => {
  it('removes the first index, its view and triggers, and keeps every recording', () => {
    const cache = cacheBefore('0003_fts_detach');
    storeInRecordings(cache.sqlite, oldRecording('old-1'));
    const { sqlite } = cache.migrate('0003_fts_detach');
    expect(schemaObjects(sqlite, 'recordings_fts')).toEqual([]);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()).toEqual([]);
    const kept = sqlite.prepare("SELECT title, raw FROM recordings WHERE uuid = 'old-1'").get() as {
      title: string;
      raw: string;
    };
    expect(kept.title).toBe('Café crashes');
    expect(JSON.parse(kept.raw)).toMatchObject({ console_logs: '[error] ChunkLoadError' });
    storeInRecordings(sqlite, oldRecording('new-1'));
    expect(sqlite.prepare('SELECT count(*) FROM recordings').pluck().get()).toBe(2);
    expectIntact(sqlite);
  });
});

describe('migration 0006_fts_detach_v2', () => {
  it('removes the second index, its view and triggers, and keeps every payload', () => {
    const cache = cacheBefore('0006_fts_detach_v2');
    const id = storeWithPayload(cache.sqlite, oldRecording('old-1'));
    const { sqlite } = cache.migrate('0006_fts_detach_v2');
    expect(schemaObjects(sqlite, 'recordings_fts')).toEqual([]);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()).toEqual([]);
    expect(
      sqlite.prepare('SELECT search_people, search_meta FROM recording_payloads WHERE id = ?').get(id),
    ).toEqual({
      search_people: 'ana@acme.com',
      search_meta: 'Zendesk Ticket',
    });
    storeWithPayload(sqlite, oldRecording('new-1'));
    expect(sqlite.prepare('SELECT count(*) FROM recording_payloads').pluck().get()).toBe(2);
    expectIntact(sqlite);
  });
});
