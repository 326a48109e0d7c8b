// An exact check of the relevance index (drizzle/0015_recordings_rank_index.sql): the live index must hold
// the same entries (trigram, recording, column) as one built from scratch out of the current narrow rows
// (those with a payload, as the main index).
// It is contentless, so FTS5's own integrity-check can only vouch for its structure.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';

type Entry = [string, number, string];

function entries(sqlite: Database.Database, vocab: string): Entry[] {
  return sqlite.prepare(`SELECT term, doc, col FROM ${vocab} ORDER BY term, doc, col`).raw().all() as Entry[];
}

/** Fails the test unless the relevance index equals a fresh rebuild from `recordings`. */
export function expectRankIndexMatchesRows(sqlite: Database.Database): void {
  sqlite
    .prepare("INSERT INTO recordings_rank_fts(recordings_rank_fts, rank) VALUES ('integrity-check', 0)")
    .run();
  // Merged first, so that the entries of changed and deleted rows and their delete markers are gone.
  sqlite.prepare("INSERT INTO recordings_rank_fts(recordings_rank_fts) VALUES ('optimize')").run();
  sqlite.exec(`
    DROP TABLE IF EXISTS temp.rank_check;
    CREATE VIRTUAL TABLE temp.rank_check USING fts5(title, summary, content='', tokenize='trigram', detail='column');
    INSERT INTO temp.rank_check(rowid, title, summary)
      SELECT r.id, r.title_folded, r.summary_folded FROM recordings r JOIN recording_payloads p USING (id)
      WHERE r.title_folded IS NOT NULL OR r.summary_folded IS NOT NULL;
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.rank_live_vocab USING fts5vocab(main, recordings_rank_fts, instance);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.rank_check_vocab USING fts5vocab(temp, rank_check, instance);
  `);
  try {
    const live = entries(sqlite, 'temp.rank_live_vocab');
    expect(live).toEqual(entries(sqlite, 'temp.rank_check_vocab'));
  } finally {
    sqlite.exec(
      'DROP TABLE temp.rank_live_vocab; DROP TABLE temp.rank_check_vocab; DROP TABLE temp.rank_check;',
    );
  }
}
