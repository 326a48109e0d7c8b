// How a search with words reaches each match's row. Qualifiers about time, length or tickets filter the
// matches through the filter index (id, created_at, duration; drizzle/0016_recordings_filter_index.sql),
// and a page sorted by time or length reads its sort keys there: a few small pages instead of each
// match's row. Any other qualifier left for SQL, and a relevance score, read the row anyway, and are
// answered from the table. (What it saves is measured by npm run bench, never here.)
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SearchSort } from '../../src/main/search';
import { searchRecordings } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { freshAccountDb } from '../helpers/db-temp';

/**
 * How the statements of one search that join the index's matches to `recordings` look each match up:
 * their EXPLAIN QUERY PLAN lines about `r`.
 */
function lookupsOf(query: string, sort?: SearchSort): string[] {
  const adb = freshAccountDb();
  adb.recordings.upsertPage([
    recording({
      uuid: 'a',
      title: 'Upload stuck',
      metadata: { duration: 30, helpdesk_info: { ticket_id: 'ZD-1' } },
    }),
    recording({ uuid: 'b', title: 'Upload failed', metadata: { duration: 900 } }),
  ]);
  const sqlite = adb.sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  const statements: string[] = [];
  (sqlite as { prepare: Database['prepare'] }).prepare = ((sql: string) => {
    statements.push(sql);
    return prepare(sql);
  }) as Database['prepare'];
  try {
    expect(searchRecordings(adb, { query, sort, timeZone: 'UTC' }).total).toBeGreaterThan(0);
  } finally {
    sqlite.prepare = prepare;
  }
  const joins = statements.filter((sql) => /recordings_fts JOIN recordings r\b/.test(sql));
  expect(joins.length, statements.join('\n')).toBeGreaterThan(0);
  return joins.flatMap((sql) => {
    const nulls = Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nulls) as { detail: string }[];
    return plan.map((r) => r.detail).filter((d) => d.startsWith('SEARCH r '));
  });
}

const THROUGH_INDEX = /SEARCH r USING (COVERING )?INDEX recordings_filter_idx/;

describe('a search with words and qualifiers', () => {
  it.each([
    'upload duration:<120',
    'upload created:>2026-01-01',
    'upload -duration:>600 ticket:ZD-1',
    'upl s created:2026',
  ])('%s filters its matches through the filter index', (query) => {
    const lookups = lookupsOf(query);
    expect(lookups.length).toBeGreaterThan(0);
    for (const l of lookups) expect(l).toMatch(THROUGH_INDEX);
  });

  it.each([
    ['user:agent -type:live', undefined],
    ['upload', 'newest'],
    ['upload type:received', 'longest'],
  ] as const)('%s (%s) reads nothing but its sort keys, all from the filter index', (query, sort) => {
    const lookups = lookupsOf(query, sort);
    expect(lookups.length).toBeGreaterThan(0);
    for (const l of lookups) expect(l).toMatch(/SEARCH r USING COVERING INDEX recordings_filter_idx/);
  });

  it.each(['upload source:zendesk', 'upload source:zendesk duration:<120', 'u type:received'])(
    '%s reads each match’s row, which its qualifier or its score needs',
    (query) => {
      const lookups = lookupsOf(query);
      expect(lookups.length).toBeGreaterThan(0);
      for (const l of lookups) expect(l).not.toMatch(THROUGH_INDEX);
    },
  );
});
