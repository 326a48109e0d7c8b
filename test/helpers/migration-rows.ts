// Recordings written the way the builds of each old layout wrote them, for the migration tests
// (test/helpers/migrations.ts). Plain SQL: today's repositories write today's layout.
import type Database from 'better-sqlite3';
import { extractColumns } from '../../src/main/db/extract';
import type { Recording } from '../../src/shared/screendesk-api';
import { recording } from './db-fixtures';

/** One recording as the tests of the old layouts store it: a title and console logs worth finding. */
export function oldRecording(uuid: string, patch: Record<string, unknown> = {}): Recording {
  return recording({
    uuid,
    title: 'Café crashes',
    summary: 'Checkout fails after 2FA',
    console_logs: '[error] ChunkLoadError',
    customer: { email: 'ana@acme.com' },
    ...patch,
  });
}

/** Layouts 0000–0003: the server JSON in `recordings.raw`, with the two search columns beside it. */
export function storeInRecordings(sqlite: Database.Database, record: Recording): number {
  return Number(
    sqlite
      .prepare(
        'INSERT INTO recordings (uuid, raw, title, summary, recording_type, created_at, has_logs, has_summary, search_people, search_meta) ' +
          "VALUES (?, ?, ?, ?, 'Live', 1767225600000, 1, 1, 'ana@acme.com', 'Zendesk Ticket')",
      )
      .run(record.uuid, JSON.stringify(record), record.title, record.summary).lastInsertRowid,
  );
}

/**
 * Layouts 0004–0010: the narrow row in `recordings`, the JSON in `recording_payloads`, with the payload's
 * search columns of that layout (search_people until 0007, search_meta).
 */
export function storeWithPayload(sqlite: Database.Database, record: Recording): number {
  const id = Number(
    sqlite
      .prepare(
        'INSERT INTO recordings (uuid, title, summary, recording_type, platform, created_at, has_logs, has_summary) ' +
          "VALUES (?, ?, ?, 'Live', 'zendesk', 1767225600000, 1, 1)",
      )
      .run(record.uuid, record.title, record.summary).lastInsertRowid,
  );
  const columns = (
    sqlite.prepare("SELECT name FROM pragma_table_info('recording_payloads')").pluck().all() as string[]
  ).filter((c) => c === 'search_people' || c === 'search_meta');
  const values: Record<string, string> = { search_people: 'ana@acme.com', search_meta: 'Zendesk Ticket' };
  sqlite
    .prepare(
      `INSERT INTO recording_payloads (id, raw${columns.map((c) => `, ${c}`).join('')}) ` +
        `VALUES (?, ?${columns.map(() => ', ?').join('')})`,
    )
    .run(id, JSON.stringify(record), ...columns.map((c) => values[c]));
  return id;
}

/** Stores records the way the build of layout 0012 did: its narrow row and its payload's columns. */
export function storeAsLayout0012(sqlite: Database.Database, records: Recording[]): void {
  for (const record of records) {
    const c = extractColumns(record);
    if (c === null) throw new Error('a fixture without a uuid');
    const id = sqlite
      .prepare(
        'INSERT INTO recordings (uuid, title, summary, title_folded, summary_folded, created_at, has_logs, has_summary) ' +
          'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        c.uuid,
        c.title,
        c.summary,
        c.titleFolded,
        c.summaryFolded,
        c.createdAt,
        c.hasLogs ? 1 : 0,
        c.hasSummary ? 1 : 0,
      ).lastInsertRowid;
    sqlite
      .prepare(
        'INSERT INTO recording_payloads (id, raw, search_meta, search_facets, search_digest) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, JSON.stringify(record), c.searchMeta, c.searchFacets, c.searchDigest);
  }
}
