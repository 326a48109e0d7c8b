// The `outbox` table: one row per queued edit. At most one row per recording is open (pending, failed or
// conflict) at a time, because later edits merge into it (see queue.ts); 'done' rows stay as history.
// Every write goes through `durably`, so an edit the caller was told about survives a crash or a power cut.
import type { Database, Statement } from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { FieldValues } from '../../shared/field-values';
import { ordered, parseValues } from '../../shared/field-values';
import type { OutboxStatus } from './schema';
import { outbox } from './schema';

/** A stored edit, its JSON columns parsed. */
export interface OutboxRow {
  id: number;
  uuid: string;
  fields: FieldValues;
  /** The stored `fields` JSON: tells whether the edit changed while a request for it was in flight. */
  fieldsJson: string;
  /** The server's values the edit is based on (per edited field). */
  base: FieldValues;
  status: OutboxStatus;
  error: string | null;
  attempts: number;
  createdAt: number;
  updatedAt: number;
  /** For a conflict: the server's values of the edited fields when it was found. */
  theirs: FieldValues | null;
  /** The fields of the PATCH last sent; null when none is outstanding. */
  sent: FieldValues | null;
  nextAttemptAt: number | null;
  /** The recording's cached title (the server's copy), when it is cached. */
  recordingTitle: string | null;
}

/** Columns that can change after insertion. */
export interface OutboxChanges {
  fields?: FieldValues;
  base?: FieldValues;
  status?: OutboxStatus;
  error?: string | null;
  attempts?: number;
  theirs?: FieldValues | null;
  sent?: FieldValues | null;
  nextAttemptAt?: number | null;
  updatedAt: number;
}

/** An `outbox` row as drizzle infers it from the table (src/main/db/schema.ts), with its recording's title. */
type DbRow = typeof outbox.$inferSelect & { recordingTitle: string | null };

// Every column under its drizzle name (`o.base_values AS baseValues`…), so a row reads as DbRow.
const SELECT_COLUMNS = Object.entries(getTableColumns(outbox)).map(
  ([key, column]) => `o.${column.name} AS ${key}`,
);
const SELECT =
  `SELECT ${SELECT_COLUMNS.join(', ')}, r.title AS recordingTitle ` +
  'FROM outbox o LEFT JOIN recordings r ON r.uuid = o.uuid';
const OPEN = "o.status <> 'done'";

const COLUMN_OF: Record<Exclude<keyof OutboxChanges, 'updatedAt'>, string> = {
  fields: outbox.fields.name,
  base: outbox.baseValues.name,
  status: outbox.status.name,
  error: outbox.error.name,
  attempts: outbox.attempts.name,
  theirs: outbox.theirs.name,
  sent: outbox.sentValues.name,
  nextAttemptAt: outbox.nextAttemptAt.name,
};

function json(values: FieldValues | null): string | null {
  return values === null ? null : JSON.stringify(ordered(values));
}

function toRow(r: DbRow): OutboxRow {
  return {
    id: r.id,
    uuid: r.uuid,
    fields: parseValues(r.fields) ?? {},
    fieldsJson: r.fields,
    base: parseValues(r.baseValues) ?? {},
    status: r.status,
    error: r.error,
    attempts: r.attempts,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    theirs: parseValues(r.theirs),
    sent: parseValues(r.sentValues),
    nextAttemptAt: r.nextAttemptAt,
    recordingTitle: r.recordingTitle,
  };
}

/** Read and write queued edits. Callers group writes in `durably` when they belong together. */
export interface OutboxRepo {
  /** Runs `fn` in one IMMEDIATE transaction that is on disk (fsynced) before this returns. */
  durably<T>(fn: () => T): T;
  get(id: number): OutboxRow | undefined;
  /** The open edit of a recording, if any. */
  openFor(uuid: string): OutboxRow | undefined;
  /** Open edits (pending, failed, conflict), oldest first: the order they were queued and are pushed in. */
  listOpen(): OutboxRow[];
  /** The open edits of the given recordings. */
  openForMany(uuids: readonly string[]): OutboxRow[];
  /** The oldest pending edit with an id above `afterId` (and due by `dueBy`, when given). */
  nextPending(afterId: number, dueBy?: number): OutboxRow | undefined;
  counts(): { pending: number; failed: number; conflict: number };
  /** The earliest backoff deadline of a pending edit, or null when none is waiting on one. */
  earliestRetryAt(): number | null;
  insert(row: { uuid: string; fields: FieldValues; base: FieldValues; now: number }): number;
  update(id: number, changes: OutboxChanges): void;
  remove(id: number): boolean;
}

/** An OutboxRepo over the given connection (migrations already applied). */
export function createOutboxRepo(sqlite: Database): OutboxRepo {
  const s = {
    get: sqlite.prepare(`${SELECT} WHERE o.id = ?`) as Statement<[number], DbRow>,
    openFor: sqlite.prepare(`${SELECT} WHERE o.uuid = ? AND ${OPEN} ORDER BY o.id DESC LIMIT 1`) as Statement<
      [string],
      DbRow
    >,
    listOpen: sqlite.prepare(`${SELECT} WHERE ${OPEN} ORDER BY o.id`) as Statement<[], DbRow>,
    openForMany: sqlite.prepare(
      `${SELECT} WHERE ${OPEN} AND o.uuid IN (SELECT value FROM json_each(?)) ORDER BY o.id`,
    ) as Statement<[string], DbRow>,
    nextPending: sqlite.prepare(
      `${SELECT} WHERE o.status = 'pending' AND o.id > ? ` +
        'AND (? IS NULL OR o.next_attempt_at IS NULL OR o.next_attempt_at <= ?) ORDER BY o.id LIMIT 1',
    ) as Statement<[number, number | null, number | null], DbRow>,
    counts: sqlite.prepare(
      "SELECT status, count(*) AS n FROM outbox WHERE status <> 'done' GROUP BY status",
    ) as Statement<[], Pick<DbRow, 'status'> & { n: number }>,
    earliest: sqlite
      .prepare("SELECT min(next_attempt_at) FROM outbox WHERE status = 'pending'")
      .pluck() as Statement<[], number | null>,
    insert: sqlite.prepare(
      'INSERT INTO outbox (uuid, fields, base_values, status, attempts, created_at, updated_at) ' +
        "VALUES (?, ?, ?, 'pending', 0, ?, ?)",
    ),
    remove: sqlite.prepare('DELETE FROM outbox WHERE id = ?'),
  };

  return {
    durably<T>(fn: () => T): T {
      // The cache runs with synchronous=NORMAL, which in WAL mode survives a crash of the app but may lose
      // the last commits to a power cut. A queued edit must not be lost that way, so its transactions are
      // committed with FULL (the WAL is fsynced at commit), and the connection is put back afterwards.
      const previous = sqlite.pragma('synchronous', { simple: true }) as number;
      sqlite.pragma('synchronous = FULL');
      try {
        return sqlite.transaction(fn).immediate();
      } finally {
        sqlite.pragma(`synchronous = ${previous}`);
      }
    },
    get: (id) => {
      const r = s.get.get(id);
      return r === undefined ? undefined : toRow(r);
    },
    openFor: (uuid) => {
      const r = s.openFor.get(uuid);
      return r === undefined ? undefined : toRow(r);
    },
    listOpen: () => s.listOpen.all().map(toRow),
    openForMany: (uuids) => (uuids.length === 0 ? [] : s.openForMany.all(JSON.stringify(uuids)).map(toRow)),
    nextPending: (afterId, dueBy) => {
      const r = s.nextPending.get(afterId, dueBy ?? null, dueBy ?? null);
      return r === undefined ? undefined : toRow(r);
    },
    counts: () => {
      const out = { pending: 0, failed: 0, conflict: 0 };
      for (const { status, n } of s.counts.all()) if (status !== 'done') out[status] = n;
      return out;
    },
    earliestRetryAt: () => s.earliest.get() ?? null,
    insert: ({ uuid, fields, base, now }) =>
      Number(s.insert.run(uuid, json(fields), json(base), now, now).lastInsertRowid),
    update(id, changes) {
      const sets: string[] = ['updated_at = ?'];
      const params: (string | number | null)[] = [changes.updatedAt];
      for (const [key, column] of Object.entries(COLUMN_OF) as [keyof typeof COLUMN_OF, string][]) {
        const value = changes[key];
        if (value === undefined) continue;
        sets.push(`${column} = ?`);
        params.push(typeof value === 'object' ? json(value) : value);
      }
      // Few distinct shapes occur, and better-sqlite3 compiles a statement quickly: no cache needed.
      sqlite.prepare(`UPDATE outbox SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    },
    remove: (id) => s.remove.run(id).changes > 0,
  };
}
