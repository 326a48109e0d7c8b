import { describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import { META_KEYS } from '../../src/main/db';
import { searchRecordings } from '../../src/main/search';
import type { Recording } from '../../src/shared/screendesk-api';
import { recording } from '../helpers/db-fixtures';
import { freshAccountDb } from '../helpers/db-temp';
import { expectIndexMatchesSource } from '../helpers/fts-check';

const found = (adb: AccountDb, query: string): string[] =>
  searchRecordings(adb, { query, sort: 'oldest' }).results.map((r) => r.uuid);

const indexIsConsistent = (adb: AccountDb): void => expectIndexMatchesSource(adb.sqlite);

describe('upsertPage', () => {
  it('counts added, updated, unchanged and skipped records', () => {
    const adb = freshAccountDb();
    const a = recording({ uuid: 'a' });
    const b = recording({ uuid: 'b' });
    expect(adb.recordings.upsertPage([a, b, { title: 'no uuid' }])).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      skipped: 1,
    });
    expect(adb.recordings.upsertPage([a, { ...b, title: 'Changed' }, recording({ uuid: 'c' })])).toEqual({
      added: 1,
      updated: 1,
      unchanged: 1,
      skipped: 0,
    });
    expect(adb.recordings.count()).toBe(3);
  });

  it('keeps the whole server record, unknown fields included, exactly', () => {
    const adb = freshAccountDb();
    const rec = {
      ...recording({ uuid: 'full' }),
      brand_new_field: { nested: [1, 'two', null] },
      emoji: '🚀',
    };
    adb.recordings.upsertPage([rec]);
    expect(adb.recordings.get('full')).toEqual(rec);
    expect(adb.recordings.getRaw('full')).toBe(JSON.stringify(rec));
    expect(adb.recordings.get('missing')).toBeUndefined();
  });

  it('stores a record whose fields have the wrong types, and still finds it by what is usable', () => {
    const adb = freshAccountDb();
    const odd = { uuid: 'odd', title: 'Oddly typed', metadata: 'not an object', customer: 42, user: [] };
    expect(adb.recordings.upsertPage([odd]).added).toBe(1);
    expect(adb.recordings.get('odd')).toEqual(odd);
    expect(found(adb, 'oddly')).toEqual(['odd']);
  });

  it('lets the last occurrence win when a page repeats a uuid', () => {
    const adb = freshAccountDb();
    adb.recordings.upsertPage([
      recording({ uuid: 'dup', title: 'First' }),
      recording({ uuid: 'dup', title: 'Second' }),
    ]);
    expect(adb.recordings.get('dup')?.title).toBe('Second');
    expect(adb.recordings.count()).toBe(1);
  });

  it('rolls the whole page back when one write fails', () => {
    const adb = freshAccountDb();
    adb.sqlite.exec(
      "CREATE TEMP TRIGGER fail_on_poison BEFORE INSERT ON main.recordings WHEN new.title = 'poison' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    expect(() =>
      adb.recordings.upsertPage([recording({ uuid: 'ok-1' }), recording({ uuid: 'bad', title: 'poison' })]),
    ).toThrow(/boom/);
    expect(adb.recordings.count()).toBe(0);
  });
});

describe('search index kept in step', () => {
  it('has a consistency check that notices an index out of step with its rows', () => {
    const adb = freshAccountDb();
    adb.recordings.upsertPage([recording({ uuid: 's1', title: 'Stale entry' })]);
    adb.sqlite.exec("INSERT INTO recordings_fts(recordings_fts) VALUES ('delete-all')");
    expect(() => indexIsConsistent(adb)).toThrow();
  });

  it('indexes new recordings', () => {
    const adb = freshAccountDb();
    adb.recordings.upsertPage([recording({ uuid: 'n1', title: 'Invoice shows wrong VAT' })]);
    expect(found(adb, 'invoice vat')).toEqual(['n1']);
    indexIsConsistent(adb);
  });

  it('reindexes a recording whose text changed, forgetting the old words', () => {
    const adb = freshAccountDb();
    adb.recordings.upsertPage([
      recording({ uuid: 'u1', title: 'Login loop', console_logs: '[error] oldfailure' }),
    ]);
    adb.recordings.upsertPage([
      recording({ uuid: 'u1', title: 'Upload stuck', console_logs: '[error] newfailure' }),
    ]);
    expect(found(adb, 'login')).toEqual([]);
    expect(found(adb, 'oldfailure')).toEqual([]);
    expect(found(adb, 'upload newfailure')).toEqual(['u1']);
    indexIsConsistent(adb);
  });

  it('reindexes the facets when the type, the platform or the logs change', () => {
    const adb = freshAccountDb();
    const rec = recording({ uuid: 'f1', title: 'Facet probe', console_logs: null });
    const meta = rec.metadata ?? {};
    const typed = (type: string, platform: string) => ({
      ...rec,
      metadata: { ...meta, recording_type: type, helpdesk_info: { platform } },
    });
    adb.recordings.upsertPage([typed('Sent', 'jira')]);
    expect(found(adb, 'probe type:sent platform:jira -has:logs')).toEqual(['f1']);
    // Only the type changes: no indexed text does.
    adb.recordings.upsertPage([typed('Live', 'jira')]);
    expect(found(adb, 'probe type:sent')).toEqual([]);
    expect(found(adb, 'probe type:live platform:jira')).toEqual(['f1']);
    adb.recordings.upsertPage([typed('Live', 'intercom')]);
    expect(found(adb, 'probe platform:jira')).toEqual([]);
    expect(found(adb, 'probe type:live platform:intercom -has:logs')).toEqual(['f1']);
    adb.recordings.upsertPage([{ ...typed('Live', 'intercom'), console_logs: '[log] ok' }]);
    expect(found(adb, 'probe has:logs')).toEqual(['f1']);
    indexIsConsistent(adb);
  });

  // Each value the index reads, changed alone: the old word must go and the new one come, whichever it is.
  const oneFieldChanges: [string, (r: Recording, word: string) => Recording][] = [
    ['title', (r, w) => ({ ...r, title: w })],
    ['summary', (r, w) => ({ ...r, summary: w })],
    ['description', (r, w) => ({ ...r, description: w })],
    ['customer email', (r, w) => ({ ...r, customer: { email: `${w}@example.com` } })],
    ['agent name', (r, w) => ({ ...r, user: { ...r.user, name: w } })],
    ['agent email', (r, w) => ({ ...r, user: { ...r.user, email: `${w}@example.com` } })],
    ['console logs', (r, w) => ({ ...r, console_logs: `[log] ${w}` })],
    ['helpdesk ticket', (r, w) => ({ ...r, metadata: { ...r.metadata, helpdesk_info: { ticket_id: w } } })],
  ];
  it.each(oneFieldChanges)('reindexes a recording whose %s alone changed', (_field, change) => {
    const adb = freshAccountDb();
    const base = recording({ uuid: 'c1', title: 'Probe' });
    adb.recordings.upsertPage([change(base, 'zzoldword')]);
    expect(found(adb, 'zzoldword')).toEqual(['c1']);
    adb.recordings.upsertPage([change(base, 'zznewword')]);
    expect(found(adb, 'zzoldword')).toEqual([]);
    expect(found(adb, 'zznewword')).toEqual(['c1']);
    indexIsConsistent(adb);
  });

  it('stays consistent when only a field outside the index changes', () => {
    const adb = freshAccountDb();
    const rec = recording({ uuid: 'v1', title: 'Calendar sync duplicates events' });
    adb.recordings.upsertPage([rec]);
    const viewed = { ...rec, metadata: { ...rec.metadata, impressions_count: 99 } };
    expect(adb.recordings.upsertPage([viewed]).updated).toBe(1);
    expect(adb.recordings.get('v1')).toEqual(viewed);
    expect(found(adb, 'calendar duplicates')).toEqual(['v1']);
    indexIsConsistent(adb);
  });

  it('drops deleted recordings from the index', () => {
    const adb = freshAccountDb();
    adb.recordings.upsertPage([
      recording({ uuid: 'd1', title: 'Webhook retries flood' }),
      recording({ uuid: 'd2', title: 'Webhook retries ok' }),
    ]);
    expect(adb.recordings.removeUuids(['d1', 'not-there'])).toBe(1);
    expect(found(adb, 'webhook')).toEqual(['d2']);
    indexIsConsistent(adb);
  });
});

describe('removing', () => {
  it('removeMissing deletes what a full sync did not see, with its tickets', () => {
    const adb = freshAccountDb();
    adb.recordings.upsertPage([
      recording({ uuid: 'keep', metadata: { helpdesk_info: { ticket_id: '111' } } }),
      recording({ uuid: 'gone', metadata: { helpdesk_info: { ticket_id: '222' } } }),
    ]);
    expect(adb.recordings.removeMissing(new Set(['keep']))).toBe(1);
    expect(adb.recordings.allUuids()).toEqual(['keep']);
    expect(found(adb, 'ticket:222')).toEqual([]);
    expect(adb.sqlite.prepare('SELECT count(*) FROM recording_tickets').pluck().get()).toBe(1);
    expect(adb.sqlite.prepare('SELECT count(*) FROM recording_payloads').pluck().get()).toBe(1);
  });
});

describe('iterateRaw', () => {
  it('streams every record newest first', () => {
    const adb = freshAccountDb();
    adb.recordings.upsertPage([
      recording({ uuid: 'old', metadata: { created_at: '2025-01-01T00:00:00Z' } }),
      recording({ uuid: 'new', metadata: { created_at: '2026-01-01T00:00:00Z' } }),
    ]);
    expect([...adb.recordings.iterateRaw()].map((raw) => (JSON.parse(raw) as { uuid: string }).uuid)).toEqual(
      ['new', 'old'],
    );
  });
});

describe('meta', () => {
  it('stores, replaces, reads and deletes values', () => {
    const adb = freshAccountDb();
    expect(adb.meta.get(META_KEYS.lastSyncCompletedAt)).toBeUndefined();
    adb.meta.set(META_KEYS.lastSyncCompletedAt, 1000);
    adb.meta.set(META_KEYS.lastSyncCompletedAt, 2000);
    adb.meta.set(META_KEYS.label, 'Acme support');
    expect(adb.meta.getNumber(META_KEYS.lastSyncCompletedAt)).toBe(2000);
    expect(adb.meta.getNumber(META_KEYS.label)).toBeUndefined();
    expect(adb.meta.all()).toEqual({ last_sync_completed_at: '2000', label: 'Acme support' });
    expect(adb.meta.delete(META_KEYS.label)).toBe(true);
    expect(adb.meta.delete(META_KEYS.label)).toBe(false);
  });
});
