import { afterEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../src/main/api';
import { withCacheOf } from '../helpers/session-cache';
import { cachedUuids, syncFixture } from '../helpers/sync-fixture';
import type { SyncFixture } from '../helpers/sync-fixture';

let fx: SyncFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe('sync (pull) against the demo server', () => {
  it('mirrors every recording, then finds nothing to do', async () => {
    fx = await syncFixture({ recordings: 1_050 });
    const session = fx.session();
    const first = await session.sync();
    expect(first).toMatchObject({ added: 1_050, updated: 0, removed: 0, total: 1_050 });
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
    // Every field the server sent is kept, unchanged.
    const sample = fx.server.data.list()[17]!;
    expect(session.show(sample.uuid as string)?.recording).toEqual(JSON.parse(JSON.stringify(sample)));

    const again = await session.sync();
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, total: 1_050 });
  });

  it('reports additions, changes and server-side deletions between syncs', async () => {
    fx = await syncFixture({ recordings: 300 });
    const session = fx.session();
    await session.sync();
    const [a, b, c] = fx.server.data.list().slice(120, 123);
    fx.server.data.update(a!.uuid as string, { title: 'Renamed on the server' });
    fx.server.data.remove(b!.uuid as string);
    fx.server.data.remove(c!.uuid as string);
    fx.server.data.add(5);

    const result = await session.sync();
    expect(result).toMatchObject({ added: 5, updated: 1, removed: 2, total: 303 });
    expect(session.show(a!.uuid as string)?.recording['title']).toBe('Renamed on the server');
    expect(session.show(b!.uuid as string)).toBeUndefined();
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
  });

  it('never removes a live recording when recordings shift between pages during the walk', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      fx = await syncFixture({ recordings: 1_000, seed });
      const session = fx.session();
      await session.sync();
      const server = fx.server;
      // While the walk runs, new recordings arrive at the top and others are deleted, shifting every
      // later page: some recordings are served twice, others could slip between two pages.
      let requests = 0;
      server.onRequest = ({ path }) => {
        if (!path.endsWith('/recordings')) return;
        requests++;
        if (requests % 2 === 0) server.data.add(1 + (seed % 3));
        if (requests % 3 === 0) {
          const list = server.data.list();
          server.data.remove(list[(seed * 97 + requests * 31) % list.length]!.uuid as string);
        }
      };
      const before = cachedUuids(session);
      await session.sync();
      server.onRequest = undefined;
      const live = fx.serverUuids();
      const after = cachedUuids(session);
      const lost = [...before].filter((u) => live.has(u) && !after.has(u));
      expect(lost, `seed ${seed}: live recordings removed locally`).toEqual([]);

      // Once the account holds still, the next sync converges exactly.
      await session.sync();
      expect(cachedUuids(session), `seed ${seed}`).toEqual(fx.serverUuids());
      await fx.close();
      fx = undefined;
    }
  });

  it('survives 5xx, 429 with Retry-After and dropped connections, and still mirrors exactly', async () => {
    fx = await syncFixture({ recordings: 700 });
    fx.server.faults.add({ kind: 'status', status: 503, times: 2, path: /recordings/ });
    fx.server.faults.add({ kind: 'rate-limit', retryAfter: '0', times: 3 });
    fx.server.faults.add({ kind: 'drop', times: 2 });
    fx.server.faults.add({
      kind: 'status',
      status: 502,
      times: 1,
      body: '<html>Bad gateway</html>',
      contentType: 'text/html',
    });
    // Faults are served in order to whichever requests come next: with 10 attempts a request, even
    // all seven landing on one page cannot exhaust it.
    const session = fx.session(fx.server.adminToken, 10);
    const result = await session.sync();
    expect(result.total).toBe(700);
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
    expect(fx.server.faults.pending()).toBe(0);
  });

  it('an interrupted sync leaves a consistent cache, removes nothing, and the next one completes it', async () => {
    fx = await syncFixture({ recordings: 900 });
    const session = fx.session();
    await session.sync();
    const gone = fx.server.data.list()[450]!.uuid as string;
    fx.server.data.remove(gone);
    fx.server.data.add(3);
    // The server goes down for good in the middle of the walk.
    let pages = 0;
    fx.server.onRequest = ({ path }) => {
      if (path.endsWith('/recordings') && ++pages === 5)
        fx!.server.faults.add({ kind: 'status', status: 500 });
    };
    const error = await session.sync().catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('server');
    expect(cachedUuids(session).has(gone)).toBe(true); // not removed after an incomplete walk
    expect(withCacheOf(session, (cache) => cache.sqlite.pragma('integrity_check', { simple: true }))).toBe(
      'ok',
    );

    fx.server.faults.clear();
    fx.server.onRequest = undefined;
    const result = await session.sync();
    expect(result.removed).toBe(1);
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
  });

  it('can be cancelled, and the next sync completes', async () => {
    fx = await syncFixture({ recordings: 600, latencyMs: 20 });
    const session = fx.session();
    const controller = new AbortController();
    const progress: number[] = [];
    const run = session.sync({
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.pagesDone);
        if (p.pagesDone === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeTruthy();
    expect(session.cacheStatus().cached).toBeLessThan(600);
    const result = await session.sync();
    expect(result.total).toBe(600);
    expect(Math.max(...progress)).toBeGreaterThanOrEqual(2);
  });

  it('walks to the end when the server leaves out the totals', async () => {
    fx = await syncFixture({ recordings: 430 });
    fx.server.faults.add({
      kind: 'pagination',
      override: { count: undefined, pages: undefined, last_page: undefined, to: undefined, from: undefined },
    });
    const session = fx.session();
    const result = await session.sync();
    expect(result.total).toBe(430);
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
  });

  it('reports progress with pages done of the total and records stored', async () => {
    fx = await syncFixture({ recordings: 510 });
    const session = fx.session();
    const seen: { phase: string; pagesDone: number; pagesTotal: number | null; records: number }[] = [];
    await session.sync({ onProgress: (p) => seen.push({ ...p }) });
    const listing = seen.filter((p) => p.phase === 'listing' && p.pagesDone > 0);
    expect(listing.at(-1)).toMatchObject({ pagesDone: 6, pagesTotal: 6, records: 510 });
    // Progress counts what is in the cache, never pages still waiting to be stored.
    for (const p of listing) expect(p.records).toBeLessThanOrEqual(p.pagesDone * 100);
    expect(seen.at(-1)?.phase).toBe('done');
  });

  it('keeps each token in its own cache: a member never sees the admin-only recordings', async () => {
    fx = await syncFixture({ recordings: 400 });
    const admin = fx.session(fx.server.adminToken);
    const member = fx.session(fx.server.memberToken);
    await admin.sync();
    await member.sync();
    const own = fx.server.data.list().filter((r) => r.user?.email === fx!.server.memberEmail).length;
    expect(own).toBeGreaterThan(0);
    expect(member.cacheStatus().cached).toBe(own);
    expect(admin.cacheStatus().cached).toBe(400);
    expect(member.search({ query: '' }).total).toBe(own);
    expect(member.accountId).not.toBe(admin.accountId);
  });
});
