// Search as you type (issue 11, point 6): the first keystrokes already find something, text with
// nothing searchable finds nothing and says why, and CJK text is found by any part of a word.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { SNIPPET_MARK_END, SNIPPET_MARK_START, searchRecordings } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { freshAccountDb } from '../helpers/db-temp';
import { expectIndexMatchesSource } from '../helpers/fts-check';

let adb: AccountDb;

beforeAll(() => {
  adb = freshAccountDb();
  // The fixture's browser is "Chrome", which "c" and "ch" would find in every recording.
  const at = (patch: Parameters<typeof recording>[0]): ReturnType<typeof recording> =>
    recording({ technical_details: { vendor: 'Firefox' }, ...patch });
  adb.recordings.upsertPage([
    at({ uuid: 'checkout', title: 'Checkout button does nothing', metadata: { recording_type: 'Sent' } }),
    at({ uuid: 'login', title: 'Login loops forever', metadata: { recording_type: 'Live' } }),
    at({ uuid: 'ja', title: '支払いエラーが表示される', summary: 'ログインできない' }),
    at({ uuid: 'ko', title: '결제 오류 발생', description: '화면이 멈춤' }),
    at({ uuid: 'zh', title: '无法上传文件', console_logs: '[error] 上传失败: 网络超时' }),
  ]);
});

const found = (query: string): string[] =>
  searchRecordings(adb, { query, sort: 'oldest' }).results.map((r) => r.uuid);

describe('the word being typed', () => {
  it('is a prefix from its first letter: "c" and "ch" find "checkout"', () => {
    expect(found('c')).toContain('checkout');
    expect(found('ch')).toEqual(['checkout']);
    expect(found('l')).toContain('login');
    expect(found('lo')).toEqual(['login']);
  });

  it('is the last word only: an earlier short word is matched whole', () => {
    expect(found('button ch')).toEqual(['checkout']);
    expect(found('ch button')).toEqual([]);
  });

  it('is a prefix next to qualifiers too, and highlighted as one', () => {
    expect(found('b type:sent')).toEqual(['checkout']);
    expect(found('b type:live')).toEqual([]);
    const [hit] = searchRecordings(adb, { query: 'ch' }).results;
    expect(hit?.snippet).toBe(`${SNIPPET_MARK_START}Checkout${SNIPPET_MARK_END} button does nothing`);
  });
});

describe('text with nothing searchable', () => {
  it.each([
    ['🙂', '🙂'],
    ['🙂🚀 ✨', '🙂🚀 ✨'],
    ['!!!', '!!!'],
    ['…', '…'],
    ['“”', '“”'],
    ['"🙂"', '🙂'],
    ['-🙂', '🙂'],
    ['--', '-'],
  ])('%s matches nothing and says why', (query, shown) => {
    const res = searchRecordings(adb, { query });
    expect(res.total).toBe(0);
    expect(res.results).toEqual([]);
    expect(res.reason).toBe(`Nothing to search for in “${shown}”: use letters or digits`);
  });

  it('matches nothing next to qualifiers either, while qualifiers alone still list their matches', () => {
    expect(searchRecordings(adb, { query: '🙂 type:live' })).toMatchObject({
      total: 0,
      reason: expect.any(String),
    });
    expect(searchRecordings(adb, { query: 'type:live' })).toMatchObject({ total: 1, reason: null });
    expect(searchRecordings(adb, { query: '' })).toMatchObject({ total: 5, reason: null });
  });

  it('is ignored next to searchable text', () => {
    expect(found('🙂 checkout')).toEqual(['checkout']);
    expect(searchRecordings(adb, { query: 'checkout 🙂' }).reason).toBeNull();
  });
});

describe('Chinese, Japanese and Korean text', () => {
  it('is found by any part of two or more characters', () => {
    expect(found('支払')).toEqual(['ja']);
    expect(found('払い')).toEqual(['ja']);
    expect(found('エラー')).toEqual(['ja']);
    expect(found('表示')).toEqual(['ja']);
    expect(found('でき')).toEqual(['ja']);
    expect(found('오류')).toEqual(['ko']);
    expect(found('멈춤')).toEqual(['ko']);
    expect(found('上传')).toEqual(['zh']);
    expect(found('超时')).toEqual(['zh']);
  });

  it('matches only where the characters follow each other', () => {
    expect(found('支エ')).toEqual([]);
    expect(found('エラーログ')).toEqual([]);
    expect(found('払いエラー')).toEqual(['ja']);
    // Two runs that together hold the query's bigrams in order, with a space between them: no match.
    const split = freshAccountDb('cjk-split');
    split.recordings.upsertPage([recording({ uuid: 'split', title: '支払 払い' })]);
    expect(searchRecordings(split, { query: '支払い' }).total).toBe(0);
    expect(searchRecordings(split, { query: '"支払 払い"' }).total).toBe(1);
  });

  it('combines with words and qualifiers, and highlights the word that holds it', () => {
    expect(found('上传 error')).toEqual(['zh']);
    expect(found('上传 type:live')).toEqual([]);
    const [hit] = searchRecordings(adb, { query: '払い' }).results;
    expect(hit?.snippet).toBe(`支${SNIPPET_MARK_START}払い${SNIPPET_MARK_END}エラーが表示される`);
    const [ko] = searchRecordings(adb, { query: '오류' }).results;
    expect(ko?.snippet).toBe(`결제 ${SNIPPET_MARK_START}오류${SNIPPET_MARK_END} 발생`);
    const [runs] = searchRecordings(adb, { query: '"失败 网络"' }).results;
    expect(runs?.snippet).toBe(`[error] 上传${SNIPPET_MARK_START}失败: 网络${SNIPPET_MARK_END}超时`);
    // Runs of two different fields (title, summary) do not follow each other.
    expect(found('"表示される ログイン"')).toEqual([]);
  });

  it('keeps the index equal to a rebuild when CJK text changes or goes', () => {
    const db = freshAccountDb('cjk-changes');
    db.recordings.upsertPage([recording({ uuid: 'x', title: '支払いエラー', summary: 'ok' })]);
    db.recordings.upsertPage([recording({ uuid: 'x', title: '登録できない', summary: 'ok' })]);
    expect(searchRecordings(db, { query: '払い' }).total).toBe(0);
    expect(searchRecordings(db, { query: '登録' }).total).toBe(1);
    expectIndexMatchesSource(db.sqlite);
    db.recordings.upsertPage([recording({ uuid: 'x', title: 'plain now', summary: 'ok' })]);
    expect(searchRecordings(db, { query: '登録' }).total).toBe(0);
    expectIndexMatchesSource(db.sqlite);
  });
});
