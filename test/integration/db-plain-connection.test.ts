// A connection that registers none of the app's SQL functions (the sqlite3 shell, a support script, an
// older tool) must still be able to write recordings: the index's triggers and source view may only use
// what SQLite itself provides.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAccountDb } from '../../src/main/db';
import { searchRecordings } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { tempDataDir } from '../helpers/db-temp';
import { expectIndexMatchesSource } from '../helpers/fts-check';

describe('a plain SQLite connection on a migrated cache', () => {
  it('inserts, updates and deletes recordings through SQL, the index staying equal to a rebuild', () => {
    const dataDir = tempDataDir();
    const adb = openAccountDb({ dataDir, accountId: 'plain' });
    adb.recordings.upsertPage([
      recording({ uuid: 'app-ja', title: '支払いエラー', console_logs: '[error] 決済に失敗' }),
      recording({ uuid: 'app-en', title: 'Checkout fails' }),
      recording({ uuid: 'app-gone', title: 'アップロード失敗' }),
    ]);
    const path = adb.path;
    adb.close();

    const plain = new Database(path);
    try {
      const idOf = (uuid: string): number =>
        plain.prepare('SELECT id FROM recordings WHERE uuid = ?').pluck().get(uuid) as number;
      // A new recording written by hand: a narrow row and its payload, no derived columns.
      const raw = JSON.stringify(recording({ uuid: 'by-hand', title: 'Quokka 登録できない' }));
      const id = plain
        .prepare(
          "INSERT INTO recordings (uuid, title, has_logs, has_summary) VALUES ('by-hand', 'Quokka', 0, 0)",
        )
        .run().lastInsertRowid;
      plain.prepare('INSERT INTO recording_payloads (id, raw) VALUES (?, ?)').run(id, raw);
      // Rows the app wrote, changed by hand: the text (the digest cleared, so the row is reindexed), a
      // field outside the index (the digest kept, so it is not), and removed.
      plain
        .prepare('UPDATE recording_payloads SET raw = ?, search_digest = NULL WHERE id = ?')
        .run(JSON.stringify(recording({ uuid: 'app-en', title: 'Wombat fails' })), idOf('app-en'));
      plain
        .prepare("UPDATE recording_payloads SET raw = json_set(raw, '$.views', 9) WHERE id = ?")
        .run(idOf('app-ja'));
      const gone = idOf('app-gone');
      plain.prepare('DELETE FROM recording_payloads WHERE id = ?').run(gone);
      plain.prepare('DELETE FROM recordings WHERE id = ?').run(gone);
      expectIndexMatchesSource(plain);
    } finally {
      plain.close();
    }

    const reopened = openAccountDb({ dataDir, accountId: 'plain' });
    const found = (query: string): string[] =>
      searchRecordings(reopened, { query, sort: 'oldest' }).results.map((r) => r.uuid);
    expect(found('quokka')).toEqual(['by-hand']);
    expect(found('wombat')).toEqual(['app-en']);
    expect(found('checkout')).toEqual([]);
    expect(found('アップロード')).toEqual([]);
    expect(found('払い')).toEqual(['app-ja']);
    expectIndexMatchesSource(reopened.sqlite);
    // The app's next write of a hand-written row stores its derived columns again.
    reopened.recordings.upsertPage([recording({ uuid: 'by-hand', title: 'Quokka 登録できない' })]);
    expect(found('録で')).toEqual(['by-hand']);
    expectIndexMatchesSource(reopened.sqlite);
    reopened.close();
  });
});
