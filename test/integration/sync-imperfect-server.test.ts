// A sync against a server that answers imperfectly (issue 11, "Trust"): short or empty pages, totals
// that contradict next_page, absurd page totals, refusals on the one-by-one removal checks. What the
// user must never see: a live recording gone from the cache. What they should see: why it was kept.
import { afterEach, describe, expect, it } from 'vitest';
import { cachedUuids, syncFixture } from '../helpers/sync-fixture';
import type { SyncFixture } from '../helpers/sync-fixture';

let fx: SyncFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

/** List requests (GET /recordings?page=N) the server has answered so far. */
function listRequests(f: SyncFixture): number {
  return f.server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/recordings')).length;
}

/** A synced fixture: the cache holds every recording of the server. */
async function synced(recordings: number): Promise<SyncFixture> {
  const f = await syncFixture({ recordings });
  await f.session().sync();
  expect(cachedUuids(f.session())).toEqual(f.serverUuids());
  return f;
}

const HTML_404 = {
  kind: 'status',
  status: 404,
  body: '<html><h1>Not Found</h1></html>',
  contentType: 'text/html',
} as const;
const ONE_RECORDING = /\/recordings\/[^/]+$/;

describe('a short or empty page deletes nothing', () => {
  it('page 3 empty: nothing removed, the 50 it left out are confirmed one by one', async () => {
    fx = await synced(250);
    const session = fx.session();
    fx.server.faults.add({ kind: 'records', records: [], page: 3 });
    const result = await session.sync();
    expect(result).toMatchObject({ removed: 0, total: 250, confirmed: 50, kept: 0 });
    expect(result.keptReason).toMatch(/page 3 came back empty/);
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
  });

  it('page 3 empty, and one of its recordings really deleted: only that one goes (the API said 404)', async () => {
    fx = await synced(250);
    const session = fx.session();
    const gone = fx.server.data.uuids()[230] as string;
    fx.server.data.remove(gone);
    fx.server.faults.add({ kind: 'records', records: [], page: 3 });
    const result = await session.sync();
    expect(result).toMatchObject({ removed: 1, total: 249, confirmed: 49, kept: 0 });
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
  });

  it('page 2 with 60 of its 100: nothing removed', async () => {
    fx = await synced(250);
    const session = fx.session();
    const sixty = fx.server.data.list().slice(100, 160);
    fx.server.faults.add({ kind: 'records', records: sixty, page: 2 });
    const result = await session.sync();
    expect(result).toMatchObject({ removed: 0, total: 250, confirmed: 40 });
    expect(result.keptReason).toMatch(/page 2 came back with only 60 of 100/);
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
  });

  it('every page empty: the cache is kept (250 stays 250), checked in bounded batches', async () => {
    fx = await synced(250);
    const session = fx.session();
    fx.server.faults.add({ kind: 'records', records: [] });
    const before = fx.server.requests.length;
    const result = await session.sync();
    expect(result).toMatchObject({ removed: 0, total: 250 });
    expect(result.confirmed + result.kept).toBe(250);
    expect(result.keptReason).toMatch(/page 1 came back empty/);
    const checks = fx.server.requests.slice(before).filter((r) => ONE_RECORDING.test(r.path)).length;
    expect(checks).toBe(result.confirmed);
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
  });

  it('an account really emptied on the server is emptied in the cache, each recording confirmed gone', async () => {
    fx = await synced(120);
    for (const uuid of fx.server.data.uuids()) fx.server.data.remove(uuid);
    const before = fx.server.requests.length;
    const result = await fx.session().sync();
    expect(result).toMatchObject({ removed: 120, total: 0, kept: 0, confirmed: 0 });
    expect(result.keptReason).toBe('the server listed no recordings at all');
    // An empty list alone proves nothing: each recording was asked for, and the API said 404.
    expect(fx.server.requests.slice(before).filter((r) => ONE_RECORDING.test(r.path))).toHaveLength(120);
  });

  it('a recording deleted on the server goes without asking when the walk proves it saw everything', async () => {
    fx = await synced(250);
    const gone = fx.server.data.uuids()[130] as string;
    fx.server.data.remove(gone);
    const before = fx.server.requests.length;
    const result = await fx.session().sync();
    expect(result).toMatchObject({ removed: 1, total: 249, kept: 0, confirmed: 0, keptReason: null });
    expect(fx.server.requests.slice(before).filter((r) => ONE_RECORDING.test(r.path))).toEqual([]);
  });
});

describe('next_page is followed when the totals say less', () => {
  it('items overstated (150 for pages of 100): all 450 synced, none removed', async () => {
    fx = await syncFixture({ recordings: 450 });
    const session = fx.session();
    fx.server.faults.add({ kind: 'pagination', override: { items: 150 } });
    expect(await session.sync()).toMatchObject({ added: 450, removed: 0, total: 450 });
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
    expect(await session.sync()).toMatchObject({ removed: 0, total: 450 });
  });

  it('count understated (300 of 450): all 450 synced, none removed', async () => {
    fx = await syncFixture({ recordings: 450 });
    const session = fx.session();
    fx.server.faults.add({ kind: 'pagination', override: { count: 300 } });
    expect(await session.sync()).toMatchObject({ added: 450, removed: 0, total: 450 });
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
    expect(await session.sync()).toMatchObject({ removed: 0, total: 450 });
  });

  it('next_page missing before the end the totals announce: one extra request, then the end', async () => {
    fx = await syncFixture({ recordings: 250 });
    const session = fx.session();
    fx.server.faults.add({ kind: 'pagination', override: { next_page: undefined } });
    expect(await session.sync()).toMatchObject({ added: 250, total: 250 });
    expect(listRequests(fx)).toBe(3);
  });
});

describe('absurd totals are not walked', () => {
  it('a million pages claimed with three real: about three list requests, and the sync ends', async () => {
    fx = await synced(250);
    const session = fx.session();
    fx.server.faults.add({
      kind: 'pagination',
      override: { count: 100_000_000, pages: 1_000_000, last_page: 1_000_000 },
    });
    const before = listRequests(fx);
    const result = await session.sync();
    // Three real pages, the first empty one, the pages already in flight beside it, page 1 re-read.
    expect(listRequests(fx) - before).toBeLessThanOrEqual(3 + 6);
    // Every cached recording was on the three real pages: nothing to keep, nothing to explain.
    expect(result).toMatchObject({ removed: 0, total: 250, kept: 0, confirmed: 0, keptReason: null });
  });

  it('a million pages claimed and a next_page on every page: still bounded by the real pages', async () => {
    fx = await syncFixture({ recordings: 250 });
    const session = fx.session();
    fx.server.faults.add({ kind: 'pagination', override: { pages: 1_000_000, count: undefined } });
    for (const page of [3, 4, 5, 6, 7, 8, 9, 10]) {
      fx.server.faults.add({ kind: 'pagination', page, override: { next_page: page + 1 } });
    }
    await session.sync();
    expect(listRequests(fx)).toBeLessThanOrEqual(3 + 6);
    expect(cachedUuids(session)).toEqual(fx.serverUuids());
  });
});

describe('a refused removal check keeps the recording and never fails the sync', () => {
  for (const [label, fault] of [
    ['403', { kind: 'status', status: 403 }],
    ['500', { kind: 'status', status: 500 }],
    ['an HTML 404 page (a proxy, not the API)', HTML_404],
    ['a dropped connection', { kind: 'drop' }],
  ] as const) {
    it(`${label}: the sync succeeds, the recordings are kept and the summary says why`, async () => {
      fx = await synced(250);
      const session = fx.session();
      const gone = fx.server.data.uuids()[240] as string;
      fx.server.data.remove(gone); // even a recording really gone stays until the API itself says 404
      fx.server.faults.add({ kind: 'records', records: [], page: 3 });
      fx.server.faults.add({ ...fault, method: 'GET', path: ONE_RECORDING });
      const result = await session.sync();
      expect(result).toMatchObject({ removed: 0, total: 250, kept: 50, confirmed: 0 });
      expect(result.keptReason).toMatch(/page 3 came back empty/);
      expect(result.keptReason).toMatch(/could not confirm/);
      expect(cachedUuids(session).has(gone)).toBe(true);

      // Once the server answers again, a later sync settles them: the one really gone goes.
      fx.server.faults.clear();
      expect(await session.sync()).toMatchObject({ removed: 1, total: 249, kept: 0 });
      expect(cachedUuids(session)).toEqual(fx.serverUuids());
    });
  }

  it('a removal check answered "wait 2 h" (429, Retry-After): the sync ends rate limited, nothing removed', async () => {
    fx = await synced(250);
    const session = fx.session();
    fx.server.faults.add({ kind: 'records', records: [], page: 3 });
    fx.server.faults.add({ kind: 'rate-limit', retryAfter: '7200', method: 'GET', path: ONE_RECORDING });
    const started = Date.now();
    // Not a success that would let the next timed sync ask again before the server's time.
    const error = await session.sync().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'rate_limited' });
    expect((error as { retryAt?: number }).retryAt).toBeGreaterThanOrEqual(started + 7_200_000);
    expect(cachedUuids(session)).toEqual(fx.serverUuids());

    fx.server.faults.clear();
    expect(await session.sync()).toMatchObject({ removed: 0, total: 250, kept: 0 });
  });

  it('later syncs continue a batch that did not finish', async () => {
    fx = await synced(250);
    const session = fx.session();
    // Every sync now sees an empty page 1, and checks at most a bounded batch of what it left out.
    fx.server.faults.add({ kind: 'records', records: [], page: 1 });
    const checked = new Set<string>();
    fx.server.onRequest = ({ path, method }) => {
      if (method === 'GET' && ONE_RECORDING.test(path)) checked.add(path.split('/').at(-1) as string);
    };
    const first = await session.sync();
    expect(first).toMatchObject({ removed: 0, total: 250 });
    expect(first.kept).toBeGreaterThan(0);
    expect(first.keptReason).toMatch(/the next sync/);
    expect(checked.size).toBe(first.confirmed);
    const second = await session.sync();
    expect(second).toMatchObject({ removed: 0, total: 250 });
    // The second sync began where the first stopped: between them, every recording was asked for.
    expect(checked).toEqual(fx.serverUuids());
  });
});
