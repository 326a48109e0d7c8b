// 0010: folded copies of title and summary rank a match in them (accents and case ignored). SQL cannot
// fold diacritics: the app folds the rows cached before, once, when it opens the cache (src/main/db/open.ts),
// found through a partial index that is empty afterwards.
import { describe, expect, it } from 'vitest';
import { recording } from '../../helpers/db-fixtures';
import { cacheBefore, queryPlan } from '../../helpers/migrations';

const UNFOLDED =
  'SELECT id FROM recordings WHERE (title IS NOT NULL AND title_folded IS NULL) OR (summary IS NOT NULL AND summary_folded IS NULL)';

describe('migration 0010_folded_rank_text', () => {
  it('folds the titles and summaries of a cache stored before they were folded, once, at open', () => {
    const cache = cacheBefore('0010_folded_rank_text');
    const old = cache.adb;
    // Written with SQL, as that build wrote it: the current repository code stores the folded columns.
    const id = old.sqlite
      .prepare(
        "INSERT INTO recordings (uuid, title, summary, has_logs, has_summary) VALUES ('f', 'Café Lumière', 'Über alles', 0, 1)",
      )
      .run().lastInsertRowid;
    old.sqlite
      .prepare('INSERT INTO recording_payloads (id, raw) VALUES (?, ?)')
      .run(id, JSON.stringify(recording({ uuid: 'f', title: 'Café Lumière', summary: 'Über alles' })));

    const upgraded = cache.migrate('0010_folded_rank_text');
    expect(
      upgraded.sqlite.prepare("SELECT title_folded, summary_folded FROM recordings WHERE uuid = 'f'").get(),
    ).toEqual({ title_folded: 'cafe lumiere', summary_folded: 'uber alles' });
  });

  it('leaves no row unfolded, and finds those through the partial index', () => {
    const cache = cacheBefore('0010_folded_rank_text');
    for (const uuid of ['a', 'b']) {
      const id = cache.sqlite
        .prepare("INSERT INTO recordings (uuid, title, has_logs, has_summary) VALUES (?, 'Ärger', 0, 0)")
        .run(uuid).lastInsertRowid;
      cache.sqlite
        .prepare('INSERT INTO recording_payloads (id, raw) VALUES (?, ?)')
        .run(id, JSON.stringify(recording({ uuid, title: 'Ärger' })));
    }
    const { sqlite } = cache.migrate('0010_folded_rank_text');
    expect(sqlite.prepare(UNFOLDED).all()).toEqual([]);
    expect(sqlite.prepare('SELECT DISTINCT title_folded FROM recordings').pluck().all()).toEqual(['arger']);
    expect(queryPlan(sqlite, UNFOLDED).join('\n')).toContain('recordings_unfolded_idx');
  });
});
