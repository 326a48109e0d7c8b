// 0013: the sixth search index: Chinese, Japanese and Korean text found by any part of two or more
// characters (stored bigrams, filled in for the rows cached before), and one- and two-letter prefixes.
import { describe, expect, it } from 'vitest';
import { searchRecordings } from '../../../src/main/search';
import { recording } from '../../helpers/db-fixtures';
import { expectIndexMatchesSource } from '../../helpers/fts-check';
import { storeAsLayout0012 } from '../../helpers/migration-rows';
import { cacheBefore } from '../../helpers/migrations';

describe('migration 0013_recordings_fts_v6', () => {
  it('upgrades a cache from layout 0012: its CJK text is found by part of a word, its short prefixes too', () => {
    const cache = cacheBefore('0013_recordings_fts_v6');
    const old = cache.adb;
    // Written with SQL, as that build wrote them: the current repository code also writes search_cjk,
    // which 0013 adds (and fills in for these rows).
    const firefox = { technical_details: { vendor: 'Firefox' } }; // no "Chrome" to match "ch"
    storeAsLayout0012(old.sqlite, [
      recording({ ...firefox, uuid: 'ja', title: '支払いエラー', summary: 'Checkout fails' }),
      recording({ ...firefox, uuid: 'ko', title: '결제 오류', console_logs: '[error] 업로드 실패' }),
      recording({ ...firefox, uuid: 'en', title: 'Quokka text only' }),
    ]);

    const upgraded = cache.migrate('0013_recordings_fts_v6');
    expect(
      upgraded.sqlite
        .prepare(
          'SELECT r.uuid FROM recordings r JOIN recording_payloads p USING (id) WHERE p.search_cjk IS NOT NULL',
        )
        .pluck()
        .all(),
    ).toEqual(['ja', 'ko']);
    const found = (query: string): string[] =>
      searchRecordings(upgraded, { query, sort: 'oldest' }).results.map((r) => r.uuid);
    expect(found('払い')).toEqual(['ja']);
    expect(found('エラー')).toEqual(['ja']);
    expect(found('로드')).toEqual(['ko']);
    expect(found('ch')).toEqual(['ja']);
    expect(found('q')).toEqual(['en']);
    expectIndexMatchesSource(upgraded.sqlite);
    // Changed and removed after the upgrade: the old CJK entries go with the old text.
    upgraded.recordings.upsertPage([
      recording({ ...firefox, uuid: 'ja', title: '登録できない', summary: 'Checkout fails' }),
    ]);
    expect(found('払い')).toEqual([]);
    expect(found('録で')).toEqual(['ja']);
    expectIndexMatchesSource(upgraded.sqlite);
  });
});
