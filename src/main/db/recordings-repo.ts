// The recordings table: what sync writes and the detail view reads. Written with prepared better-sqlite3
// statements rather than drizzle's builder because upsertPage is the ingest hot path (≥ 20,000 records/s).
import type { Database, Statement } from 'better-sqlite3';
import type { Recording } from '../../shared/screendesk-api';
import type { RecordingColumns } from './extract';
import { extractColumns } from './extract';

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
  /** Every cached uuid. */
  allUuids(): string[];
  /** Deletes every recording whose uuid is not in `seen` (after a full sync); returns how many. */
  removeMissing(seen: ReadonlySet<string>): number;
  /** Deletes the given recordings; returns how many existed. */
  removeUuids(uuids: readonly string[]): number;
  /** How many recordings are cached. */
  count(): number;
}

const COLUMN_LIST =
  'raw, title, summary, recording_type, platform, source, created_at, updated_at, duration, ' +
  'customer_email, user_email, user_name, has_logs, has_summary, search_people, search_meta';

type Row = Record<string, string | number | null>;

function toRow(raw: string, c: RecordingColumns): Row {
  return {
    uuid: c.uuid,
    raw,
    title: c.title,
    summary: c.summary,
    recording_type: c.recordingType,
    platform: c.platform,
    source: c.source,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    duration: c.duration,
    customer_email: c.customerEmail,
    user_email: c.userEmail,
    user_name: c.userName,
    // better-sqlite3 binds no booleans.
    has_logs: c.hasLogs ? 1 : 0,
    has_summary: c.hasSummary ? 1 : 0,
    search_people: c.searchPeople,
    search_meta: c.searchMeta,
  };
}

function stringify(record: unknown): string | null {
  try {
    return JSON.stringify(record) ?? null;
  } catch {
    return null; // cycles or BigInt: cannot come from JSON.parse, so not a server record
  }
}

/** A RecordingsRepo over the given connection (migrations already applied). */
export function createRecordingsRepo(sqlite: Database): RecordingsRepo {
  const named = COLUMN_LIST.split(', ')
    .map((c) => `@${c}`)
    .join(', ');
  const assignments = COLUMN_LIST.split(', ')
    .map((c) => `${c} = @${c}`)
    .join(', ');
  const s = {
    find: sqlite.prepare('SELECT id, raw FROM recordings WHERE uuid = ?') as Statement<
      [string],
      { id: number; raw: string }
    >,
    insert: sqlite.prepare(`INSERT INTO recordings (uuid, ${COLUMN_LIST}) VALUES (@uuid, ${named})`),
    update: sqlite.prepare(`UPDATE recordings SET ${assignments} WHERE id = @id`),
    clearTickets: sqlite.prepare('DELETE FROM recording_tickets WHERE recording_id = ?'),
    addTicket: sqlite.prepare(
      'INSERT OR IGNORE INTO recording_tickets (recording_id, ticket_id) VALUES (?, ?)',
    ),
    raw: sqlite.prepare('SELECT raw FROM recordings WHERE uuid = ?').pluck() as Statement<[string], string>,
    uuids: sqlite.prepare('SELECT uuid FROM recordings ORDER BY id').pluck() as Statement<[], string>,
    remove: sqlite.prepare('DELETE FROM recordings WHERE uuid = ?'),
    count: sqlite.prepare('SELECT count(*) FROM recordings').pluck() as Statement<[], number>,
  };

  const upsertPage = sqlite.transaction((records: readonly unknown[]): UpsertResult => {
    const result: UpsertResult = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
    for (const record of records) {
      const columns = extractColumns(record);
      const raw = columns && stringify(record);
      if (!columns || raw === null) {
        result.skipped++;
        continue;
      }
      const existing = s.find.get(columns.uuid);
      if (existing?.raw === raw) {
        result.unchanged++;
        continue;
      }
      const row = toRow(raw, columns);
      let id: number;
      if (existing) {
        s.update.run({ ...row, id: existing.id });
        s.clearTickets.run(existing.id);
        id = existing.id;
        result.updated++;
      } else {
        id = Number(s.insert.run(row).lastInsertRowid);
        result.added++;
      }
      for (const ticket of columns.ticketIds) s.addTicket.run(id, ticket);
    }
    return result;
  });

  const removeUuids = sqlite.transaction((uuids: readonly string[]): number => {
    let removed = 0;
    for (const uuid of uuids) removed += s.remove.run(uuid).changes;
    return removed;
  });

  return {
    upsertPage: (records) => upsertPage(records),
    get(uuid) {
      const raw = s.raw.get(uuid);
      return raw === undefined ? undefined : (JSON.parse(raw) as Recording);
    },
    getRaw: (uuid) => s.raw.get(uuid),
    allUuids: () => s.uuids.all(),
    removeMissing: (seen) => removeUuids(s.uuids.all().filter((u) => !seen.has(u))),
    removeUuids: (uuids) => removeUuids(uuids),
    count: () => s.count.get() ?? 0,
  };
}
