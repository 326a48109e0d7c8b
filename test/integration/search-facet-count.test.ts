// Queries of facet qualifiers alone (type:, platform:, has:, and their exclusions) are counted from the
// index's facet tokens, while their pages are read through SQL (src/main/search/compile.ts, FacetCount):
// the count must be the number of recordings the list can show, on the demo recordings and on rows
// without a type, a platform, logs or a summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { openAccountDb } from '../../src/main/db';
import { generateRecordings } from '../../src/main/demo';
import { searchRecordings } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { tempDataDir } from '../helpers/db-temp';

let adb: AccountDb;

const QUERIES = [
  'type:live',
  'platform:zendesk',
  'has:logs',
  'has:summary',
  'type:live -platform:jira',
  'platform:"help scout" has:logs',
  '-type:sent',
  '-platform:zendesk',
  '-has:logs -type:received',
  'type:sent -type:sent',
  'type:received platform:intercom -has:summary',
];

beforeAll(() => {
  adb = openAccountDb({ dataDir: tempDataDir(), accountId: 'facet-count' });
  const records = generateRecordings(1500, { seed: 11 });
  for (let i = 0; i < records.length; i += 500) adb.recordings.upsertPage(records.slice(i, i + 500));
  adb.recordings.upsertPage([
    recording({ uuid: 'bare', metadata: { recording_type: null, helpdesk_info: null } }),
    recording({
      uuid: 'unknown',
      metadata: { recording_type: 'Hologram', helpdesk_info: { platform: 'fax' } },
    }),
    recording({ uuid: 'logs', summary: 'It froze', console_logs: '[error] boom' }),
  ]);
});

afterAll(() => adb.close());

/** Every recording the list shows for `query`, paging through it as the interface scrolls. */
function listed(query: string): string[] {
  const uuids: string[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = searchRecordings(adb, { query, sort: 'oldest', limit: 1000, offset }).results;
    uuids.push(...page.map((h) => h.uuid));
    if (page.length < 1000) return uuids;
  }
}

describe('a query of facet qualifiers alone', () => {
  it('counts exactly the recordings its list shows', () => {
    for (const query of QUERIES) {
      const all = listed(query);
      const r = searchRecordings(adb, { query, sort: 'oldest' });
      expect({ query, total: r.total, exact: r.totalExact }).toEqual({
        query,
        total: all.length,
        exact: true,
      });
    }
  });

  it('finds what these fixtures hold: recordings without a type, platform or logs are excluded alike', () => {
    const bare = searchRecordings(adb, { query: '-type:live -platform:zendesk', limit: 1000, offset: 0 });
    const everything = searchRecordings(adb, { query: '' }).total;
    expect(bare.total).toBeGreaterThan(0);
    expect(bare.total).toBeLessThan(everything);
    expect(listed('-type:live -platform:zendesk')).toEqual(expect.arrayContaining(['bare', 'unknown']));
    expect(listed('has:logs')).toContain('logs');
    expect(searchRecordings(adb, { query: 'type:sent -type:sent' }).total).toBe(0);
  });

  it('says "at least" when a capped count stops, and is exact below the cap', () => {
    const total = listed('has:logs').length;
    expect(total).toBeGreaterThan(100);
    expect(searchRecordings(adb, { query: 'has:logs', countUpTo: 100 })).toMatchObject({
      total: 100,
      totalExact: false,
    });
    expect(searchRecordings(adb, { query: 'has:logs', countUpTo: total })).toMatchObject({
      total,
      totalExact: true,
    });
    // Exclusions only: the count is everything less the excluded, exact whatever the cap.
    expect(searchRecordings(adb, { query: '-type:sent', countUpTo: 10 })).toMatchObject({
      total: listed('-type:sent').length,
      totalExact: true,
    });
  });
});
