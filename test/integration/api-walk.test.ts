import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_PAGES,
  ScreendeskClient,
  normalizePagination,
  walkPages,
  type PageSource,
  type RecordingPage,
  type WalkedPage,
  type WalkOptions,
  type WalkSummary,
} from '../../src/main/api';
import { startRawServer, type RawServer, type RawRequest } from '../helpers/raw-http-server';

const uuidOf = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const recordsFor = (from: number, n: number): { uuid: string; title: string }[] =>
  Array.from({ length: n }, (_, k) => ({ uuid: uuidOf(from + k), title: `Recording ${from + k}` }));
const pageOf = (req: RawRequest): number => Number(req.query.get('page') ?? '1');

/** Honest pagination in the docs' shape: fields that do not apply are absent. */
function honest(page: number, total: number, per: number): Record<string, unknown> {
  const pages = Math.max(1, Math.ceil(total / per));
  return {
    count: total,
    page,
    items: per,
    pages,
    last_page: pages,
    ...(page < pages ? { next_page: page + 1 } : {}),
    ...(page > 1 ? { prev_page: page - 1 } : {}),
  };
}

let server: RawServer;
beforeEach(async () => {
  server = await startRawServer();
});
afterEach(async () => {
  await server.close();
});

// The summary of the last walk() (its stop, gap and request count).
let summary: WalkSummary | undefined;
async function walk(opts: WalkOptions = {}): Promise<WalkedPage[]> {
  const client = new ScreendeskClient({ baseUrl: server.url, token: 't0ken', sleep: async () => undefined });
  const pages: WalkedPage[] = [];
  summary = await walkPages(client, (page) => void pages.push(page), opts);
  return pages;
}

/** A limit of `n` pages in flight that never changes. */
const inFlight = (n: number): WalkOptions['limit'] => ({ current: n, succeeded: () => undefined });

const uuids = (pages: WalkedPage[]): string[] => pages.flatMap((p) => p.records.map((r) => r.uuid));

describe('walkPages against a real server', () => {
  it('walks an honest account once, page by page', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      return {
        body: { pagination: honest(p, 1000, 100), records: recordsFor((p - 1) * 100, p <= 10 ? 100 : 0) },
      };
    });
    const pages = await walk();
    expect(server.requests.map(pageOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(uuids(pages)).size).toBe(1000);
    expect(uuids(pages)).toHaveLength(1000);
    expect(summary).toMatchObject({ stop: 'end', requests: 10, distinct: 1000, gap: null });
  });

  it('stops at once on an empty account', async () => {
    server.replies({ body: { pagination: { count: 0, page: 1, items: 100, pages: 1 }, records: [] } });
    const pages = await walk();
    expect(pages).toHaveLength(0);
    // An empty account is proven complete: nothing there, and the server says so.
    expect(summary).toMatchObject({ stop: 'empty', requests: 1, distinct: 0, gap: null });
  });

  it('follows next_page past the count, but only to twice (+10) the total the count implies', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      return {
        body: {
          pagination: { count: 250, page: p, items: 100, pages: 9_999_999, next_page: p + 1 },
          records: recordsFor(p * 100, 100),
        },
      };
    });
    await walk();
    expect(server.requests).toHaveLength(13);
    expect(summary?.stop).toBe('beyond_count');
    expect(summary?.gap).toMatch(/far past the total/);
  });

  it('never issues pages past the first empty one, with pages in flight, whatever the totals claim', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      return {
        body: {
          pagination: { count: 100_000_000, page: p, items: 100, pages: 1_000_000, next_page: p + 1 },
          records: p <= 3 ? recordsFor((p - 1) * 100, 100) : [],
        },
      };
    });
    const pages = await walk({ limit: inFlight(4) });
    expect(uuids(pages)).toHaveLength(300);
    // Pages 1-3, the empty page 4, and at most the three beside it already in flight.
    expect(server.requests.length).toBeLessThanOrEqual(7);
    expect(summary).toMatchObject({ stop: 'empty', requests: server.requests.length });
    expect(summary?.gap).toBe("the server's pages were incomplete: page 4 came back empty");
  });

  it('names the first empty or short page before the last one as the gap', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      const n = p === 2 ? 60 : p <= 3 ? 100 : 0;
      return { body: { pagination: honest(p, 300, 100), records: recordsFor((p - 1) * 100, n) } };
    });
    await walk({ limit: inFlight(3) });
    expect(summary?.gap).toBe(
      "the server's pages were incomplete: page 2 came back with only 60 of 100 recordings",
    );
  });

  it('reads a 404 past page 1 as the end of the list, never as a failure', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      if (p > 2)
        return { status: 404, body: '<html>Not Found</html>', headers: { 'Content-Type': 'text/html' } };
      return { body: { pagination: { page: p, next_page: p + 1 }, records: recordsFor((p - 1) * 100, 100) } };
    });
    const pages = await walk();
    expect(uuids(pages)).toHaveLength(200);
    expect(summary).toMatchObject({ stop: 'empty', requests: 3 });
    expect(summary?.gap).toBe('the server did not say how many recordings there are');
  });

  it('fails on a failed page below the end, and ignores one past an empty page', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      if (p === 5) return { status: 400, body: { error: 'bad page' } };
      return { body: { pagination: honest(p, 1000, 100), records: p === 4 ? [] : recordsFor(p * 100, 100) } };
    });
    await walk({ limit: inFlight(4) });
    expect(summary?.stop).toBe('empty');
    server.handle((req) => {
      const p = pageOf(req);
      if (p === 3) return { status: 400, body: { error: 'bad page' } };
      return { body: { pagination: honest(p, 1000, 100), records: recordsFor(p * 100, 100) } };
    });
    await expect(walk({ limit: inFlight(4) })).rejects.toMatchObject({ code: 'validation', status: 400 });
  });

  it('stops pages that never end at maxPages', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      return { body: { pagination: { page: p, next_page: p + 1 }, records: recordsFor(p * 10, 10) } };
    });
    await walk({ maxPages: 30 });
    expect(server.requests).toHaveLength(30);
    expect(summary?.stop).toBe('max_pages');
  });

  it('stops a count that grows with every page', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      return { body: { pagination: honest(p, (p + 1) * 100, 100), records: recordsFor(p * 100, 100) } };
    });
    await walk();
    // Page 1 announced 2 pages: the walk allows max(2·2, 2+10) = 12.
    expect(server.requests).toHaveLength(12);
    expect(summary?.stop).toBe('beyond_count');
  });

  it('stops a server that repeats the same records', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      return { body: { pagination: { page: p, next_page: p + 1 }, records: recordsFor(0, 50) } };
    });
    const pages = await walk();
    expect(server.requests).toHaveLength(4);
    expect(uuids(pages)).toHaveLength(50);
    expect(pages.map((p) => p.duplicates)).toEqual([0, 50, 50, 50]);
    expect(summary?.stop).toBe('no_progress');
  });

  it('removes records that shifted onto the next page', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      // Page 2 starts with the last record of page 1 again (a recording was added meanwhile).
      return { body: { pagination: honest(p, 200, 100), records: recordsFor(p === 1 ? 0 : 99, 100) } };
    });
    const pages = await walk();
    expect(pages.map((p) => p.duplicates)).toEqual([0, 1]);
    expect(new Set(uuids(pages)).size).toBe(uuids(pages).length);
  });

  it('fails when the server answers another page than the one asked', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      return { body: { pagination: { ...honest(1, 300, 100) }, records: recordsFor(p * 100, 100) } };
    });
    const seen: number[] = [];
    const client = new ScreendeskClient({ baseUrl: server.url, token: 't0ken' });
    await expect(
      (async () => {
        await walkPages(client, (page) => void seen.push(page.pagination.page));
      })(),
    ).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/page 1 when page 2/) as unknown,
    });
    expect(seen).toEqual([1]);
  });

  it('does not follow next_page backwards', async () => {
    server.handle((req) => ({
      body: { pagination: { page: pageOf(req), next_page: 1 }, records: recordsFor(0, 100) },
    }));
    const pages = await walk();
    expect(server.requests).toHaveLength(1);
    expect(pages[0]?.pagination.anomalies).toContain('next_page (1) does not move forward');
  });

  it('copes with numbers sent as strings, and with nulls', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      return {
        body: {
          pagination: {
            count: '300',
            items: '100',
            page: String(p),
            next_page: p < 3 ? String(p + 1) : null,
          },
          records: recordsFor((p - 1) * 100, 100),
        },
      };
    });
    expect(uuids(await walk())).toHaveLength(300);
  });

  it('skips records without a usable uuid and goes on', async () => {
    server.handle((req) => {
      const p = pageOf(req);
      const records = [...recordsFor((p - 1) * 3, 3), { title: 'no uuid' }, { uuid: 42 }, null, 'x'];
      return { body: { pagination: honest(p, 14, 7), records } };
    });
    const pages = await walk();
    expect(pages.map((p) => p.skipped)).toEqual([4, 4]);
    expect(uuids(pages)).toHaveLength(6);
  });

  it('stops after page 1 when there is no pagination at all', async () => {
    server.replies({ body: { records: recordsFor(0, 100) } });
    await walk();
    expect(server.requests).toHaveLength(1);
    expect(summary?.stop).toBe('end');
    expect(summary?.gap).toBe('the server did not say how many recordings there are');
  });

  it('stops when the caller aborts', async () => {
    const ctrl = new AbortController();
    server.handle((req) => {
      const p = pageOf(req);
      if (p === 3) ctrl.abort();
      return { body: { pagination: honest(p, 1000, 100), records: recordsFor((p - 1) * 100, 100) } };
    });
    await expect(walk({ signal: ctrl.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });
});

describe('walkPages against an endless source', () => {
  it('ends at DEFAULT_MAX_PAGES even when every page brings new records forever', async () => {
    let calls = 0;
    const endless: PageSource = {
      listRecordings: async (page): Promise<RecordingPage> => {
        calls++;
        const uuid = uuidOf(page);
        return {
          records: [{ uuid, raw: { uuid } }],
          pagination: normalizePagination({ page, next_page: page + 1 }, page, 1),
          rawPagination: {},
          skipped: 0,
        };
      },
    };
    const done = await walkPages(endless, () => undefined);
    expect(calls).toBe(DEFAULT_MAX_PAGES);
    expect(done.stop).toBe('end');
  });
});
