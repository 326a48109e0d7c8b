// The index's `cjk` column is computed once per record in JS (src/main/db/extract.ts) and stored in
// recording_payloads.search_cjk; migration 0013 fills it in for older rows with sdesk_cjk_grams() over
// the values its source view reads for the other columns. Both must agree, or a row stored before the
// upgrade and the same row stored after it would be indexed differently.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { extractColumns } from '../../src/main/db/extract';
import { cjkColumnSql } from '../../src/main/search/cjk';
import { recording } from '../helpers/db-fixtures';
import { migrationSql } from '../helpers/migrations';

const VIEW = /CREATE VIEW `recordings_fts_source` AS[\s\S]*?;/.exec(
  migrationSql('0013_recordings_fts_v6'),
)?.[0];

// The shipped view, over a table with the columns it reads.
const sqlite = new Database(':memory:');
sqlite.function('sdesk_cjk_grams', { deterministic: true, varargs: true }, cjkColumnSql);
sqlite.exec(
  'CREATE TABLE recording_payloads (id INTEGER PRIMARY KEY, raw TEXT NOT NULL, search_meta TEXT, ' +
    'search_facets TEXT, search_cjk TEXT, search_digest TEXT)',
);
if (VIEW === undefined) throw new Error('0013 has no recordings_fts_source view');
sqlite.exec(VIEW);
afterAll(() => sqlite.close());

const insert = sqlite.prepare('INSERT INTO recording_payloads (id, raw, search_meta) VALUES (1, ?, ?)');
const clear = sqlite.prepare('DELETE FROM recording_payloads');
const gramsOfView = sqlite
  .prepare(
    'SELECT sdesk_cjk_grams(`title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`) ' +
      'FROM recordings_fts_source WHERE id = 1',
  )
  .pluck();

/** extract.ts's stored value and sdesk_cjk_grams over the view's inputs, for one record. */
function both(record: unknown): { stored: string | null; sql: unknown } {
  const c = extractColumns(record);
  if (c === null) throw new Error('a record without a uuid');
  clear.run();
  insert.run(JSON.stringify(record), c.searchMeta);
  return { stored: c.searchCjk, sql: gramsOfView.get() };
}

describe('the stored cjk column', () => {
  it.each([
    ['in the title', { title: '支払いエラー' }],
    ['in the logs', { console_logs: '[error] 決済に失敗しました\n[warn] 再試行' }],
    ['in the user name', { user: { name: '佐藤 美咲', email: 'sato@example.jp' } }],
    ['in the user name, without an email', { user: { name: '김민준', email: null } }],
    [
      'in a participant (the details column)',
      { room_insights: { participants_insights: [{ display_name: '王伟' }] } },
    ],
    [
      'in every field',
      {
        title: '결제 오류',
        summary: '页面空白',
        description: 'ログイン不可',
        customer: { email: '顧客@例え.jp' },
        user: { name: '田中', email: '担当@例え.jp' },
        metadata: { recording_source: '拡張機能' },
        console_logs: '업로드 실패',
      },
    ],
    [
      'in fields of the wrong type (not indexed)',
      { title: { text: '支払い' }, summary: ['エラー'], console_logs: 7 },
    ],
    ['nowhere', { title: 'Checkout fails', summary: 'Plain text', console_logs: '[error] boom' }],
  ])('equals sdesk_cjk_grams over the view, CJK %s', (_where, patch) => {
    const { stored, sql } = both(recording(patch));
    expect(stored).toBe(sql);
    if (_where === 'nowhere' || _where.includes('wrong type')) expect(stored).toBeNull();
    else expect(stored).not.toBeNull();
  });

  it('equals sdesk_cjk_grams over the view for random records', () => {
    // Code points, JSON's quote and escape, NUL, and a lone surrogate (which JSON.stringify escapes).
    const chars = [...'支払いエラー가각𠀋 ・a\n"\\🙂\u0000', '\ud800'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((cs) => cs.join(''));
    const value = fc.oneof(text, text, fc.constant(null), fc.integer(), fc.constant(undefined));
    fc.assert(
      fc.property(
        fc.record({
          title: value,
          summary: value,
          description: value,
          console_logs: value,
          name: value,
          email: value,
          customer: value,
          participant: value,
        }),
        (v) => {
          const record = recording({
            title: v.title,
            summary: v.summary,
            description: v.description,
            console_logs: v.console_logs,
            user: { name: v.name, email: v.email },
            customer: { email: v.customer },
            room_insights: { participants_insights: [{ display_name: v.participant }] },
          });
          const { stored, sql } = both(record);
          expect(stored).toBe(sql);
        },
      ),
      { numRuns: 300 },
    );
  });
});
