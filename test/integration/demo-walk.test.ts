// Walking the pages while the data changes underneath (the onRequest hook), and a 100,000 walk.
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoRequestInfo, type DemoServer } from '../../src/main/demo';
import { call, walkPages, type ListBody } from '../helpers/demo-client';

const open: DemoServer[] = [];
async function start(...args: Parameters<typeof startDemoServer>): Promise<DemoServer> {
  const s = await startDemoServer(...args);
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

function uuidsOf(pages: ListBody[]): string[] {
  return pages.flatMap((p) => p.records.map((r) => r.uuid as string));
}

describe('onRequest hook', () => {
  it('is told method, path and the page each list request serves', async () => {
    const server = await start({ recordings: 25, pageSize: 10 });
    const seen: DemoRequestInfo[] = [];
    server.onRequest = (req) => void seen.push(req);
    await walkPages(server);
    const uuid = server.data.uuids()[0] as string;
    await call(server, `/recordings/${uuid}`);
    expect(seen).toEqual([
      { method: 'GET', path: '/api/v2/recordings', page: 1 },
      { method: 'GET', path: '/api/v2/recordings', page: 2 },
      { method: 'GET', path: '/api/v2/recordings', page: 3 },
      { method: 'GET', path: `/api/v2/recordings/${uuid}` },
    ]);
  });

  it('is awaited: an asynchronous change made in the hook is in the answer', async () => {
    const server = await start({ recordings: 5 });
    server.onRequest = async () => {
      await new Promise((r) => setTimeout(r, 50));
      server.data.add(2);
    };
    const { body } = await call<ListBody>(server, '/recordings');
    expect(body.pagination.count).toBe(7);
    expect(body.records.map((r) => r.uuid)).toEqual(server.data.uuids());
  });

  it('new recordings arriving mid-walk shift older ones onto the next page (seen twice)', async () => {
    const server = await start({ recordings: 30, pageSize: 10 });
    const original = server.data.uuids();
    server.onRequest = ({ page }) => {
      if (page === 2) server.data.add(3);
    };
    const pages = await walkPages(server);
    const seen = uuidsOf(pages);
    // Page 2 starts with the last three of page 1 again, and the walk now has a fourth page.
    expect(pages[1]?.records.slice(0, 3).map((r) => r.uuid)).toEqual(original.slice(7, 10));
    expect(pages).toHaveLength(4);
    expect(new Set(seen).size).toBe(30);
    expect(seen).toHaveLength(33);
    expect(seen.filter((u) => !original.includes(u))).toEqual([]); // the new ones sit on page 1, already passed
  });

  it('a recording deleted mid-walk pulls a later one onto a page already read (never seen)', async () => {
    const server = await start({ recordings: 30, pageSize: 10 });
    const original = server.data.uuids();
    server.onRequest = ({ page }) => {
      if (page === 2) server.data.remove(original[0] as string);
    };
    const seen = uuidsOf(await walkPages(server));
    expect(seen).not.toContain(original[10]); // moved to page 1 after page 1 was read
    expect(seen).toHaveLength(29);
  });

  it('a hook that throws yields a 500 answer, and the server keeps serving', async () => {
    const server = await start({ recordings: 3 });
    server.onRequest = () => {
      throw new Error('test hook exploded');
    };
    const failed = await call(server, '/recordings');
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ error: expect.stringContaining('test hook exploded') });
    server.onRequest = undefined;
    expect((await call(server, '/recordings')).status).toBe(200);
  });
});

describe('100,000 recordings', () => {
  it('generates them all and a walk of every page sees each uuid exactly once', async () => {
    const server = await start({ recordings: 100_000, pageSize: 2_500 });
    expect(server.data.size()).toBe(100_000);
    const expected = server.data.uuids();
    expect(new Set(expected).size).toBe(100_000);
    const pages = await walkPages(server);
    expect(pages).toHaveLength(40);
    expect(pages[0]?.pagination).toMatchObject({ count: 100_000, pages: 40, last_page: 40 });
    const seen = uuidsOf(pages);
    expect(seen).toHaveLength(100_000);
    expect(seen).toEqual(expected);
  }, 120_000);
});
