// `sdesk search` streams its pages from one read snapshot (AccountSession.readSnapshot): what another
// connection writes meanwhile (a sync of the app, in another process) neither shifts nor repeats rows
// between the pages, and is there for the next command. Real SQLite files; nothing is sent anywhere.
import { afterAll, describe, expect, it } from 'vitest';
import { AccountSession } from '../../src/main/session';
import { tempDataDir } from '../helpers/db-temp';
import { recording } from '../helpers/db-fixtures';
import { withCacheOf } from '../helpers/session-cache';

const sessions: AccountSession[] = [];
afterAll(() => {
  for (const s of sessions) s.close();
});

function sessionWith(count: number): AccountSession {
  // The API is never asked: search and the snapshot are offline.
  const session = new AccountSession({
    dataDir: tempDataDir(),
    apiUrl: 'http://127.0.0.1:9/api/v2',
    token: 't',
  });
  sessions.push(session);
  const records = Array.from({ length: count }, (_, i) =>
    recording({
      title: `Snapshot page test ${i}`,
      metadata: { created_at: `2026-01-${String(10 + (i % 9)).padStart(2, '0')}T12:00:00Z` },
    }),
  );
  withCacheOf(session, (cache) => cache.recordings.upsertPage(records));
  return session;
}

const uuidsOf = (page: { results: { uuid: string }[] }): string[] => page.results.map((h) => h.uuid);

describe('AccountSession.readSnapshot', () => {
  it('pages read in one snapshot ignore what another connection writes meanwhile; the next read sees it', async () => {
    const session = sessionWith(30);
    const req = { query: 'snapshot page', sort: 'newest' as const, limit: 10 };
    const before = uuidsOf(session.search({ ...req, limit: 30 }));

    const pages = await session.readSnapshot(async () => {
      const first = session.search({ ...req, offset: 0 });
      // A sync elsewhere: three new recordings at the top, and one of the first page removed, so that
      // without the snapshot the next page would start two rows early and the total would grow.
      withCacheOf(session, (cache) => {
        cache.recordings.upsertPage(
          [1, 2, 3].map((n) =>
            recording({
              title: `Snapshot page test new ${n}`,
              metadata: { created_at: `2026-02-0${n}T12:00:00Z` },
            }),
          ),
        );
        cache.recordings.removeUuids([first.results[0]!.uuid]);
      });
      await new Promise((resolve) => setImmediate(resolve)); // the stream waits on a slow pipe
      const second = session.search({ ...req, offset: 10 });
      const third = session.search({ ...req, offset: 20 });
      return { total: third.total, uuids: [...uuidsOf(first), ...uuidsOf(second), ...uuidsOf(third)] };
    });
    expect(pages).toEqual({ total: 30, uuids: before });

    const after = session.search({ ...req, limit: 30 });
    expect(after.total).toBe(32);
    expect(after.results[0]?.title).toBe('Snapshot page test new 3');
    expect(uuidsOf(after)).not.toContain(before[0]);
  });

  it('ends its transaction when the work fails, and refuses to start inside another', async () => {
    const session = sessionWith(3);
    await expect(
      session.readSnapshot(() => {
        throw new Error('the pipe closed');
      }),
    ).rejects.toThrow('the pipe closed');
    // Not left open: a write on this connection commits on its own, and a new snapshot starts.
    session.queueEdit(uuidsOf(session.search({ query: '' }))[0]!, { title: 'Written after the failure' });
    await expect(session.readSnapshot(() => session.readSnapshot(() => 1))).rejects.toThrow(
      /inside another transaction/,
    );
    expect(await session.readSnapshot(() => session.outboxCounts())).toEqual({
      pending: 1,
      failed: 0,
      conflict: 0,
    });
  });
});
