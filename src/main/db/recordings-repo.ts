// The recordings tables: what sync writes and the detail view reads. Written with prepared better-sqlite3
// statements rather than drizzle's builder because upsertPage is the ingest hot path.
import type { Database, Statement } from 'better-sqlite3';
import type { Recording } from '../../shared/screendesk-api';
import type { RecordingColumns } from './extract';
import { extractColumns } from './extract';
import { META_KEYS } from './meta-repo';
import type { recordingPayloads, recordings } from './schema';

/** What one upsertPage call did. `skipped` counts records without a usable uuid (not storable). */
export interface UpsertResult {
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** Read and write cached recordings. */
export interface RecordingsRepo {
  /** Stores a page of server records in one transaction; a record whose JSON is unchanged is not rewritten. */
  upsertPage(records: readonly unknown[]): UpsertResult;
  /** The server's record as last stored (every field, unknown ones included), or undefined. */
  get(uuid: string): Recording | undefined;
  /** The stored JSON text of a record, or undefined. */
  getRaw(uuid: string): string | undefined;
  /** The stored JSON text of every record, newest first, streamed (memory stays flat). */
  iterateRaw(): IterableIterator<string>;
  /** Every cached uuid. */
  allUuids(): string[];
  /** Deletes every recording whose uuid is not in `seen` (after a full sync); returns how many. */
  removeMissing(seen: ReadonlySet<string>): number;
  /** Deletes the given recordings; returns how many existed. */
  removeUuids(uuids: readonly string[]): number;
  /** How many recordings are cached. */
  count(): number;
}

// The narrow `recordings` columns written one record at a time, in the order toValues() produces them. A
// new row also gets its folded title and summary so (FOLDED_COLUMNS); a stored row gets them for the whole
// page in one statement (SET_FOLDED_SQL), as the relevance index reads them (see STAGING_DDL).
const HOT_COLUMNS = [
  'title',
  'summary',
  'recording_type',
  'platform',
  'source',
  'created_at',
  'updated_at',
  'duration',
  'customer_email',
  'user_email',
  'user_name',
  'has_logs',
  'has_summary',
] as const;

type Value = string | number | null;

/** A cached recording's id with its payload's JSON and index digest (both NULL when the payload is missing). */
type StoredRow = Pick<typeof recordings.$inferSelect, 'id'> & {
  raw: (typeof recordingPayloads.$inferSelect)['raw'] | null;
  digest: (typeof recordingPayloads.$inferSelect)['searchDigest'];
};

/** The values of HOT_COLUMNS, in order (positional binding is cheaper than named on this path). */
function toValues(c: RecordingColumns): Value[] {
  return [
    c.title,
    c.summary,
    c.recordingType,
    c.platform,
    c.source,
    c.createdAt,
    c.updatedAt,
    c.duration,
    c.customerEmail,
    c.userEmail,
    c.userName,
    // better-sqlite3 binds no booleans.
    c.hasLogs ? 1 : 0,
    c.hasSummary ? 1 : 0,
  ];
}

function stringify(record: unknown): string | null {
  try {
    return JSON.stringify(record) ?? null;
  } catch {
    return null; // cycles or BigInt: cannot come from JSON.parse, so not a server record
  }
}

// Why payloads go through a TEMP staging table and then ONE statement: SQLite opens a statement savepoint
// for each write inside a transaction, and FTS5 flushes its pending terms to a new on-disk segment at
// every savepoint once it has joined the transaction. One payload INSERT per record therefore wrote one
// index segment per record (plus the merging that follows), several times slower. The narrow rows,
// tickets and staging rows are written before the index joins the transaction, so they cost nothing of
// the kind; the single upsert then feeds the index the whole page in ascending rowid order, which keeps
// FTS5 from flushing inside the statement too. The relevance index (drizzle/0015_recordings_rank_index.sql)
// reads the folded title and summary of the narrow rows, from a trigger on the payloads for a new row and
// on an update of those two columns for a stored one: no statement of one record may update them, or the
// index joins the transaction there and every statement after it syncs the index. They are staged too,
// and SET_FOLDED_SQL writes those that changed in one statement.
const STAGING_DDL =
  'CREATE TEMP TABLE IF NOT EXISTS recording_payloads_staging ' +
  '(id INTEGER PRIMARY KEY, raw TEXT NOT NULL, search_meta TEXT, search_facets TEXT, search_cjk TEXT, search_digest TEXT, ' +
  'title_folded TEXT, summary_folded TEXT)';
// Only the rows whose folded text changed (a new row has it already): the relevance index's trigger
// reindexes exactly those. Spelled as a list of ids, not UPDATE … FROM the staging table: SQLite ran that
// as a scan of every cached row per page (measured: 27% fewer
// recordings a second over 50,000, and worse as the cache grows).
const SET_FOLDED_SQL =
  'UPDATE recordings SET (title_folded, summary_folded) = ' +
  '(SELECT s.title_folded, s.summary_folded FROM temp.recording_payloads_staging s WHERE s.id = recordings.id) ' +
  'WHERE id IN (SELECT s.id FROM temp.recording_payloads_staging s JOIN recordings r ON r.id = s.id ' +
  'WHERE r.title_folded IS NOT s.title_folded OR r.summary_folded IS NOT s.summary_folded)';
// `WHERE true` resolves the parsing ambiguity between a join's ON and the upsert's ON CONFLICT.
const UPSERT_PAYLOADS_SQL =
  'INSERT INTO recording_payloads (id, raw, search_meta, search_facets, search_cjk, search_digest) ' +
  'SELECT id, raw, search_meta, search_facets, search_cjk, search_digest FROM temp.recording_payloads_staging ' +
  'WHERE true ORDER BY id ON CONFLICT (id) DO UPDATE SET raw = excluded.raw, ' +
  'search_meta = excluded.search_meta, search_facets = excluded.search_facets, ' +
  'search_cjk = excluded.search_cjk, search_digest = excluded.search_digest';
// The folded title and summary, which rank (src/main/search/rank.ts), in the order the insert binds them.
const FOLDED_COLUMNS = ['title_folded', 'summary_folded'] as const;
const INSERTED_COLUMNS = [...HOT_COLUMNS, ...FOLDED_COLUMNS];
const INSERT_SQL = `INSERT INTO recordings (uuid, ${INSERTED_COLUMNS.join(', ')}) VALUES (?, ${INSERTED_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_SQL = `UPDATE recordings SET ${HOT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
const IDS_JSON = 'SELECT value FROM json_each(?)';
// The count of recordings whose index entries were written since the index was last merged
// (src/main/db/search-index-merge.ts), kept in the page's transaction so that an interrupted sync still
// counts what it stored. A change the index does not see (a view count) leaves the index as it was.
const COUNT_STORED_SQL =
  `INSERT INTO meta (key, value) VALUES ('${META_KEYS.storedSinceIndexMerge}', ?) ` +
  'ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + excluded.value';
// More ids per statement gains nothing and would build one huge JSON argument.
const DELETE_CHUNK = 5000;

function prepareStatements(sqlite: Database) {
  sqlite.exec(STAGING_DDL);
  return {
    find: sqlite.prepare(
      'SELECT r.id, p.raw, p.search_digest AS digest FROM recordings r ' +
        'LEFT JOIN recording_payloads p ON p.id = r.id WHERE r.uuid = ?',
    ) as Statement<[string], StoredRow>,
    insert: sqlite.prepare(INSERT_SQL),
    update: sqlite.prepare(UPDATE_SQL),
    clearTickets: sqlite.prepare('DELETE FROM recording_tickets WHERE recording_id = ?'),
    addTicket: sqlite.prepare(
      'INSERT OR IGNORE INTO recording_tickets (recording_id, ticket_id) VALUES (?, ?)',
    ),
    clearStaging: sqlite.prepare('DELETE FROM temp.recording_payloads_staging'),
    stage: sqlite.prepare(
      'INSERT INTO temp.recording_payloads_staging ' +
        '(id, raw, search_meta, search_facets, search_cjk, search_digest, title_folded, summary_folded) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    setFolded: sqlite.prepare(SET_FOLDED_SQL),
    upsertPayloads: sqlite.prepare(UPSERT_PAYLOADS_SQL),
    countStored: sqlite.prepare(COUNT_STORED_SQL),
    raw: sqlite
      .prepare('SELECT p.raw FROM recordings r JOIN recording_payloads p ON p.id = r.id WHERE r.uuid = ?')
      .pluck() as Statement<[string], string>,
    everyRaw: sqlite
      .prepare(
        'SELECT p.raw FROM recordings r JOIN recording_payloads p ON p.id = r.id ORDER BY r.created_at DESC, r.id DESC',
      )
      .pluck() as Statement<[], string>,
    uuids: sqlite.prepare('SELECT uuid FROM recordings ORDER BY id').pluck() as Statement<[], string>,
    idsForUuids: sqlite
      .prepare(`SELECT id FROM recordings WHERE uuid IN (${IDS_JSON}) ORDER BY id`)
      .pluck() as Statement<[string], number>,
    // Payloads first, explicitly: their delete trigger takes the rows out of the search index.
    removePayloads: sqlite.prepare(`DELETE FROM recording_payloads WHERE id IN (${IDS_JSON})`),
    remove: sqlite.prepare(`DELETE FROM recordings WHERE id IN (${IDS_JSON})`),
    count: sqlite.prepare('SELECT count(*) FROM recordings').pluck() as Statement<[], number>,
  };
}

/** A RecordingsRepo over the given connection (migrations already applied). */
export function createRecordingsRepo(sqlite: Database): RecordingsRepo {
  // Prepared on first use, not here: tests open caches with an older build's migrations to check
  // upgrades, and those schemas lack tables these statements name.
  let prepared: ReturnType<typeof prepareStatements> | undefined;
  const statements = (): ReturnType<typeof prepareStatements> => (prepared ??= prepareStatements(sqlite));

  const upsertPage = sqlite.transaction((records: readonly unknown[]): UpsertResult => {
    const s = statements();
    const result: UpsertResult = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
    // Last occurrence wins when a page repeats a uuid (as a second upsert of it would).
    const latest = new Map<string, { raw: string; columns: RecordingColumns }>();
    for (const record of records) {
      const columns = extractColumns(record);
      const raw = columns && stringify(record);
      if (!columns || raw === null) result.skipped++;
      else latest.set(columns.uuid, { raw, columns });
    }
    result.unchanged = records.length - result.skipped - latest.size;
    let reindexed = 0;
    s.clearStaging.run();
    for (const [uuid, { raw, columns }] of latest) {
      const existing = s.find.get(uuid);
      if (existing?.raw === raw) {
        result.unchanged++;
        continue;
      }
      if (existing?.digest !== columns.searchDigest) reindexed++;
      let id: number;
      if (existing) {
        id = existing.id;
        s.update.run(...toValues(columns), id);
        s.clearTickets.run(id);
        result.updated++;
      } else {
        id = Number(
          s.insert.run(uuid, ...toValues(columns), columns.titleFolded, columns.summaryFolded)
            .lastInsertRowid,
        );
        result.added++;
      }
      for (const t of columns.ticketIds) s.addTicket.run(id, t);
      s.stage.run(
        id,
        raw,
        columns.searchMeta,
        columns.searchFacets,
        columns.searchCjk,
        columns.searchDigest,
        columns.titleFolded,
        columns.summaryFolded,
      );
    }
    // Each one statement, after the writes of one record each (see STAGING_DDL).
    if (reindexed > 0) s.countStored.run(reindexed);
    if (result.added + result.updated > 0) {
      s.setFolded.run();
      s.upsertPayloads.run();
    }
    return result;
  });

  const removeUuids = sqlite.transaction((uuids: readonly string[]): number => {
    const s = statements();
    let removed = 0;
    for (let i = 0; i < uuids.length; i += DELETE_CHUNK) {
      const ids = JSON.stringify(s.idsForUuids.all(JSON.stringify(uuids.slice(i, i + DELETE_CHUNK))));
      s.removePayloads.run(ids);
      removed += s.remove.run(ids).changes;
    }
    return removed;
  });

  return {
    upsertPage: (records) => upsertPage(records),
    get(uuid) {
      const raw = statements().raw.get(uuid);
      return raw === undefined ? undefined : (JSON.parse(raw) as Recording);
    },
    getRaw: (uuid) => statements().raw.get(uuid),
    iterateRaw: () => statements().everyRaw.iterate(),
    allUuids: () => statements().uuids.all(),
    removeMissing: (seen) =>
      removeUuids(
        statements()
          .uuids.all()
          .filter((u) => !seen.has(u)),
      ),
    removeUuids: (uuids) => removeUuids(uuids),
    count: () => statements().count.get() ?? 0,
  };
}
