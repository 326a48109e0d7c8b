// 0015: the relevance index, the trigrams of each folded title and summary, filled in for the recordings
// cached before and kept in step with the narrow rows, whoever writes them.
import { describe, expect, it } from 'vitest';
import { searchRecordings } from '../../../src/main/search';
import { recording } from '../../helpers/db-fixtures';
import { cacheBefore } from '../../helpers/migrations';
import { expectRankIndexMatchesRows } from '../../helpers/rank-index-check';

describe('migration 0015_recordings_rank_index', () => {
  it('upgrades a cache from layout 0014: its titles and summaries are indexed, and stay so as they change', () => {
    const cache = cacheBefore('0015_recordings_rank_index');
    cache.adb.recordings.upsertPage([
      recording({ uuid: 'title', title: 'Café Lumière TypeError', summary: null }),
      recording({ uuid: 'summary', title: null, summary: 'A TypeError on save' }),
      recording({ uuid: 'neither', title: null, summary: null, description: 'TypeError' }),
    ]);

    const upgraded = cache.migrate('0015_recordings_rank_index');
    expectRankIndexMatchesRows(upgraded.sqlite);
    const rank = (query: string): number[] =>
      upgraded.sqlite
        .prepare('SELECT rowid FROM recordings_rank_fts WHERE recordings_rank_fts MATCH ? ORDER BY rowid')
        .pluck()
        .all(query) as number[];
    const id = (uuid: string): number =>
      upgraded.sqlite.prepare('SELECT id FROM recordings WHERE uuid = ?').pluck().get(uuid) as number;
    // The folded text, inside words: "error" in "typeerror", "cafe" in "Café".
    expect(rank('"err" AND "ror"')).toEqual([id('title'), id('summary')]);
    expect(rank('title : "caf"')).toEqual([id('title')]);
    expect(searchRecordings(upgraded, { query: 'typeerror' }).results.map((r) => r.uuid)).toEqual([
      'title',
      'summary',
      'neither',
    ]);

    // Written again by the app, by hand (as the sqlite3 shell would), and removed.
    upgraded.recordings.upsertPage([recording({ uuid: 'summary', title: 'Quokka', summary: null })]);
    upgraded.sqlite.prepare("UPDATE recordings SET title_folded = 'wombat' WHERE uuid = 'neither'").run();
    upgraded.recordings.removeUuids(['title']);
    expectRankIndexMatchesRows(upgraded.sqlite);
    expect(rank('"err"')).toEqual([]);
    expect(rank('"okk"')).toEqual([id('summary')]);
    expect(rank('"mba"')).toEqual([id('neither')]);
    // A narrow row removed first, its payload then by its foreign key.
    upgraded.sqlite.prepare("DELETE FROM recordings WHERE uuid = 'neither'").run();
    expectRankIndexMatchesRows(upgraded.sqlite);
    expect(rank('"mba"')).toEqual([]);
  });
});
