// The local cache of one account (one SQLite file per account, see open.ts). drizzle-kit turns this file
// into drizzle/NNNN_*.sql; the FTS5 table, its source view and its triggers live in a hand-written
// custom migration (drizzle has no virtual tables), see drizzle/0012_recordings_fts_v5.sql.
//
// Caution for future migrations: if drizzle-kit ever rebuilds `recording_payloads` (create-copy-drop-rename, its
// way of doing some ALTERs on SQLite), the FTS triggers and view die with the old table. Such a migration
// must be followed by a custom one that re-creates them and runs the FTS 'rebuild' command.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { OUTBOX_ITEM_STATUSES } from '../../shared/contract';

/**
 * One row per recording with the columns search filters, sorts and lists on. Kept narrow on purpose: the
 * server's JSON (often kilobytes of console logs) lives in recording_payloads, so scans and sorts over
 * this table read a few pages instead of the whole cache.
 */
export const recordings = sqliteTable(
  'recordings',
  {
    // An integer key (the rowid) because FTS5 external content addresses rows by integer rowid.
    id: integer('id').primaryKey(),
    uuid: text('uuid').notNull().unique(),
    title: text('title'),
    summary: text('summary'),
    recordingType: text('recording_type'),
    platform: text('platform'),
    source: text('source'),
    // Epoch milliseconds (UTC): sortable, comparable, and cheap to index.
    createdAt: integer('created_at'),
    updatedAt: integer('updated_at'),
    duration: real('duration'),
    customerEmail: text('customer_email'),
    userEmail: text('user_email'),
    userName: text('user_name'),
    hasLogs: integer('has_logs', { mode: 'boolean' }).notNull().default(false),
    hasSummary: integer('has_summary', { mode: 'boolean' }).notNull().default(false),
    // Title and summary folded as the index folds text (src/shared/fold.ts), which relevance ranks by:
    // SQLite's LIKE folds ASCII case only, so "cafe" would not find "Café" in the title otherwise.
    // The relevance index holds their trigrams, kept in step by triggers (drizzle/0015_recordings_rank_index.sql).
    titleFolded: text('title_folded'),
    summaryFolded: text('summary_folded'),
  },
  (t) => [
    index('recordings_created_at_idx').on(t.createdAt),
    index('recordings_type_created_idx').on(t.recordingType, t.createdAt),
    index('recordings_platform_created_idx').on(t.platform, t.createdAt),
    index('recordings_duration_idx').on(t.duration),
    // What search filters a text query's matches by, reachable from each match's id: joined through this
    // small index, a qualifier on time, length or tickets reads no row but those of the matches it keeps
    // (src/main/search/search.ts, drizzle/0016_recordings_filter_index.sql).
    index('recordings_filter_idx').on(t.id, t.createdAt, t.duration),
    // Rows stored before the folded columns existed, found without a scan at start-up (see open.ts).
    index('recordings_unfolded_idx')
      .on(t.id)
      .where(
        sql`(${t.title} IS NOT NULL AND ${t.titleFolded} IS NULL) OR (${t.summary} IS NOT NULL AND ${t.summaryFolded} IS NULL)`,
      ),
  ],
);

/**
 * The server's record, whole, plus the odds and ends the search index reads. The FTS5 index is built from
 * this table alone (see drizzle/0013_recordings_fts_v6.sql), so only writes here touch the index.
 */
export const recordingPayloads = sqliteTable('recording_payloads', {
  id: integer('id')
    .primaryKey()
    .references(() => recordings.id, { onDelete: 'cascade' }),
  // The record exactly as JSON.stringify wrote it: every field, known or not, survives here.
  raw: text('raw').notNull(),
  // Searchable text without a field of its own (source, platform, uuid, helpdesk ids, technical details,
  // participants), gathered in JS by extract.ts: two dozen JSON paths per row cost more in SQL. The
  // named fields (title, summary, description, customer, agent, logs) are read from `raw` by the view.
  searchMeta: text('search_meta'),
  // The facet tokens the index holds for this row (type, platform, has logs, has summary; built by
  // src/main/search/facets.ts). Kept with the row so that the index can be told exactly what to remove
  // when the row changes, even after its narrow row was rewritten (see drizzle/0012_recordings_fts_v5.sql).
  searchFacets: text('search_facets'),
  // A digest of everything the index holds for this row (extract.ts): the index triggers compare it
  // instead of parsing the old and the new JSON, so a change the index does not see (a view count)
  // costs nothing there. NULL for rows stored before it existed: their next change reindexes them.
  searchDigest: text('search_digest'),
  // The index's `cjk` column: the bigrams of the CJK runs of the indexed text (src/main/search/cjk.ts),
  // NULL without any, computed by extract.ts from the values it has already parsed. Computed in SQL (by a
  // JS function the view called) it cost every indexed insert and update a round trip of all seven texts,
  // kilobytes of logs, through JS, and a connection without that function could not write recordings.
  // A row written by hand without it gets no bigrams until the app stores the record again. The digest
  // does not need to cover it: it is derived from values the digest already covers.
  searchCjk: text('search_cjk'),
});

/** Every helpdesk id (ticket, conversation, issue) of a recording, lower-cased, for the `ticket:` filter. */
export const recordingTickets = sqliteTable(
  'recording_tickets',
  {
    recordingId: integer('recording_id')
      .notNull()
      .references(() => recordings.id, { onDelete: 'cascade' }),
    ticketId: text('ticket_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordingId, t.ticketId] }),
    index('recording_tickets_ticket_idx').on(t.ticketId),
  ],
);

/** Small key/value store for sync bookkeeping and the account's description (api url, label). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Status of a queued edit: the ones the UI sees (the contract's), and 'done', kept for history; every
 * status but 'done' means "edited locally".
 */
export const OUTBOX_STATUSES = [...OUTBOX_ITEM_STATUSES, 'done'] as const;
/** One of OUTBOX_STATUSES. */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Queued edits (PATCH bodies) waiting to reach the server; driven by src/main/outbox and sync/push.ts. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // No foreign key: an edit must survive its recording vanishing from a sync (it becomes a conflict).
    uuid: text('uuid').notNull(),
    fields: text('fields').notNull(),
    baseValues: text('base_values').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    // For a conflict: the server's values of the edited fields when it was detected (JSON), else NULL.
    theirs: text('theirs'),
    // The fields of the PATCH last sent (JSON), written before sending: after a crash, finding these values
    // on the server means our own write landed, not someone else's (see src/main/sync/push.ts).
    sentValues: text('sent_values'),
    // Epoch ms before which an automatic push leaves this edit alone (backoff after 5xx/429); NULL: now.
    nextAttemptAt: integer('next_attempt_at'),
  },
  (t) => [
    index('outbox_uuid_status_idx').on(t.uuid, t.status),
    index('outbox_status_idx').on(t.status),
    check('outbox_status_check', sql`${t.status} IN ('pending', 'failed', 'conflict', 'done')`),
  ],
);
