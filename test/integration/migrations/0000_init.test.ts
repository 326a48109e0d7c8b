// 0000: a new cache. Its tables take a recording with its tickets and a queued edit the way the first
// build wrote them, keep the outbox's statuses to the known ones, and answer the lookups the app makes
// through an index.
import { describe, expect, it } from 'vitest';
import { cacheAt, columnsOf, expectIntact, queryPlan } from '../../helpers/migrations';

describe('migration 0000_init', () => {
  it('creates the tables of a new cache', () => {
    const { sqlite } = cacheAt('0000_init');
    const tables = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(tables).toEqual(['__drizzle_migrations', 'meta', 'outbox', 'recording_tickets', 'recordings']);
    expect(columnsOf(sqlite, 'recordings')).toContain('raw');
    expectIntact(sqlite);
  });

  it('keeps a recording with its tickets, one row per uuid, and drops the tickets with it', () => {
    const { sqlite } = cacheAt('0000_init');
    const id = sqlite
      .prepare(
        "INSERT INTO recordings (uuid, raw, title, created_at) VALUES ('u-1', '{\"uuid\":\"u-1\"}', 'Checkout fails', 1)",
      )
      .run().lastInsertRowid;
    sqlite.prepare("INSERT INTO recording_tickets (recording_id, ticket_id) VALUES (?, '4711')").run(id);
    expect(
      sqlite.prepare("SELECT title, has_logs, has_summary FROM recordings WHERE uuid = 'u-1'").get(),
    ).toEqual({ title: 'Checkout fails', has_logs: 0, has_summary: 0 });
    expect(() => sqlite.prepare("INSERT INTO recordings (uuid, raw) VALUES ('u-1', '{}')").run()).toThrow(
      /UNIQUE/,
    );
    sqlite.prepare("DELETE FROM recordings WHERE uuid = 'u-1'").run();
    expect(sqlite.prepare('SELECT count(*) FROM recording_tickets').pluck().get()).toBe(0);
  });

  it('queues an edit as pending with no attempts, and refuses a status it does not know', () => {
    const { sqlite } = cacheAt('0000_init');
    sqlite
      .prepare(
        'INSERT INTO outbox (uuid, fields, base_values, created_at, updated_at) ' +
          'VALUES (\'u-1\', \'{"title":"New"}\', \'{"title":"Old"}\', 1, 1)',
      )
      .run();
    expect(sqlite.prepare('SELECT status, attempts, error FROM outbox').get()).toEqual({
      status: 'pending',
      attempts: 0,
      error: null,
    });
    expect(() => sqlite.prepare("UPDATE outbox SET status = 'sent'").run()).toThrow(/CHECK/);
  });

  it('answers the lookups the app makes through an index', () => {
    const { sqlite } = cacheAt('0000_init');
    const uses = (sql: string, index: string): void =>
      expect(queryPlan(sqlite, sql).join('\n'), sql).toContain(index);
    uses("SELECT id FROM recordings WHERE uuid = 'u'", 'recordings_uuid_unique');
    uses(
      "SELECT recording_id FROM recording_tickets WHERE ticket_id = '4711'",
      'recording_tickets_ticket_idx',
    );
    uses(
      "SELECT id FROM recordings WHERE recording_type = 'Live' ORDER BY created_at DESC",
      'recordings_type_created_idx',
    );
    uses("SELECT id FROM outbox WHERE status = 'failed'", 'outbox_status_idx');
    uses("SELECT id FROM outbox WHERE uuid = 'u' AND status = 'pending'", 'outbox_uuid_status_idx');
  });
});
