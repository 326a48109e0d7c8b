// An exact check of the search index: the live index must hold the same entries (term, recording,
// column, position) as one built from scratch out of the current rows. The index is contentless (see
// drizzle/0013_recordings_fts_v6.sql), so FTS5's own integrity-check can only vouch for its structure.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';

const COLUMNS = '`title`, `summary`, `description`, `customer`, `agent`, `details`, `logs`, `facets`, `cjk`';

type Entry = [string, number, string, number];

function entries(sqlite: Database.Database, vocab: string): Entry[] {
  return sqlite
    .prepare(`SELECT term, doc, col, offset FROM ${vocab} ORDER BY term, doc, col, offset`)
    .raw()
    .all() as Entry[];
}

/** Fails the test unless the index equals a fresh rebuild from recordings_fts_source. */
export function expectIndexMatchesSource(sqlite: Database.Database): void {
  sqlite.prepare("INSERT INTO recordings_fts(recordings_fts, rank) VALUES ('integrity-check', 0)").run();
  // Merged first, so that the entries of changed and deleted rows and their delete markers are gone.
  sqlite.prepare("INSERT INTO recordings_fts(recordings_fts) VALUES ('optimize')").run();
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.fts_check;
    CREATE VIRTUAL TABLE temp.fts_check USING fts5(${COLUMNS}, content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2');
    INSERT INTO temp.fts_check(rowid, ${COLUMNS}) SELECT id, ${COLUMNS} FROM recordings_fts_source;
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_live_vocab USING fts5vocab(main, recordings_fts, instance);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_check_vocab USING fts5vocab(temp, fts_check, instance);
  `);
  try {
    expect(entries(sqlite, 'temp.fts_live_vocab')).toEqual(entries(sqlite, 'temp.fts_check_vocab'));
  } finally {
    sqlite.exec(
      'DROP TABLE temp.fts_live_vocab; DROP TABLE temp.fts_check_vocab; DROP TABLE temp.fts_check;',
    );
  }
}
