// The demo server against the spec: every operation and status, validated with openapi-backend.
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_TOKEN, DEMO_MEMBER_TOKEN, startDemoServer, type DemoServer } from '../../src/main/demo';
import type { Recording } from '../../src/shared/screendesk-api';
import { call, walkPages, type ListBody } from '../helpers/demo-client';
import { createSpecValidator, type SpecValidator } from '../helpers/demo-spec-validator';

let spec: SpecValidator;
let server: DemoServer;

beforeAll(async () => {
  spec = await createSpecValidator({ strict: true });
  server = await startDemoServer({ recordings: 250 });
});
afterAll(() => server.close());

/** The pagination object must leave next_page/prev_page out, never send them as null. */
function expectKeys(pagination: object, present: string[], absent: string[]): void {
  for (const key of present) expect(pagination, `has ${key}`).toHaveProperty(key);
  for (const key of absent) expect(Object.keys(pagination), `${key} is absent`).not.toContain(key);
}

describe('GET /recordings', () => {
  it('serves the first page as the spec describes, newest first, next_page present and prev_page absent', async () => {
    const { status, headers, body } = await call<ListBody>(server, '/recordings');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    spec.assertValid(body, 'listRecordings', 200);
    expect(body.pagination).toEqual({
      count: 250,
      page: 1,
      items: 100,
      pages: 3,
      last_page: 3,
      from: 1,
      to: 100,
      next_page: 2,
    });
    expectKeys(body.pagination, ['next_page'], ['prev_page']);
    expect(body.records.map((r) => r.uuid)).toEqual(server.data.uuids().slice(0, 100));
    const created = body.records.map((r) => Date.parse(r.metadata?.created_at ?? ''));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
  });

  it('serves a middle page with both neighbours and the last page without next_page', async () => {
    const middle = await call<ListBody>(server, '/recordings?page=2');
    spec.assertValid(middle.body, 'listRecordings', 200);
    expect(middle.body.pagination).toMatchObject({ page: 2, from: 101, to: 200, prev_page: 1, next_page: 3 });
    expect(middle.body.records.map((r) => r.uuid)).toEqual(server.data.uuids().slice(100, 200));

    const last = await call<ListBody>(server, '/recordings?page=3');
    spec.assertValid(last.body, 'listRecordings', 200);
    expect(last.body.pagination).toMatchObject({ page: 3, from: 201, to: 250, prev_page: 2, items: 100 });
    expectKeys(last.body.pagination, ['prev_page'], ['next_page']);
    expect(last.body.records).toHaveLength(50);
  });

  it('answers a page past the end with 200, no records and a way back to the last page', async () => {
    const { status, body } = await call<ListBody>(server, '/recordings?page=4');
    expect(status).toBe(200);
    spec.assertValid(body, 'listRecordings', 200);
    expect(body.records).toEqual([]);
    expect(body.pagination).toEqual({
      count: 250,
      page: 4,
      items: 100,
      pages: 3,
      last_page: 3,
      from: 0,
      to: 0,
      prev_page: 3,
    });
  });

  it.each(['0', '-1', 'abc', '', '1.9'])('serves page 1 for the invalid page parameter %j', async (raw) => {
    const { status, body } = await call<ListBody>(server, `/recordings?page=${encodeURIComponent(raw)}`);
    expect(status).toBe(200);
    spec.assertValid(body, 'listRecordings', 200);
    expect(body.pagination.page).toBe(1);
    expect(body.records[0]?.uuid).toBe(server.data.uuids()[0]);
  });

  it('walking next_page visits every recording exactly once, in the data set order', async () => {
    const pages = await walkPages(server);
    expect(pages.map((p) => p.pagination.page)).toEqual([1, 2, 3]);
    expect(pages.flatMap((p) => p.records.map((r) => r.uuid))).toEqual(server.data.uuids());
  });

  it('describes an empty account as one empty page', async () => {
    const empty = await startDemoServer({ recordings: 0 });
    try {
      const { status, body } = await call<ListBody>(empty, '/recordings');
      expect(status).toBe(200);
      spec.assertValid(body, 'listRecordings', 200);
      expect(body).toEqual({
        pagination: { count: 0, page: 1, items: 100, pages: 1, last_page: 1, from: 0, to: 0 },
        records: [],
      });
    } finally {
      await empty.close();
    }
  });

  it('uses the page size set at run time', async () => {
    server.pageSize = 7;
    try {
      const { body } = await call<ListBody>(server, '/recordings?page=2');
      expect(body.records.map((r) => r.uuid)).toEqual(server.data.uuids().slice(7, 14));
      expect(body.pagination).toMatchObject({ items: 7, pages: 36, from: 8, to: 14 });
    } finally {
      server.pageSize = 100;
    }
  });
});

describe('GET /recordings/{uuid}', () => {
  it('returns the recording exactly as the list shows it', async () => {
    const list = await call<ListBody>(server, '/recordings');
    const first = list.body.records[0] as Recording;
    const { status, headers, body } = await call<Recording>(server, `/recordings/${first.uuid}`);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    spec.assertValid(body, 'getRecording', 200);
    expect(body).toEqual(first);
  });

  it('answers 404 with the spec error shape for an unknown uuid', async () => {
    const { status, body } = await call(server, '/recordings/00000000-0000-4000-8000-000000000000');
    expect(status).toBe(404);
    spec.assertValid(body, 'getRecording', 404);
    expect(body).toEqual({ error: 'Recording not found' });
  });

  it('every generated recording conforms to the Recording schema', () => {
    for (const rec of server.data.list()) spec.assertValid(rec, 'getRecording', 200);
  });
});

describe('authentication and member scope', () => {
  it.each([
    ['no token', null],
    ['an unknown token', 'not-a-token'],
  ])('answers 401 {"error": …} with %s on every operation', async (_label, token) => {
    const uuid = server.data.uuids()[0] as string;
    const list = await call(server, '/recordings', { token });
    const get = await call(server, `/recordings/${uuid}`, { token });
    const upd = await call(server, `/recordings/${uuid}`, {
      token,
      method: 'PATCH',
      body: '{"recording":{"title":"x"}}',
    });
    for (const [answer, op] of [
      [list, 'listRecordings'],
      [get, 'getRecording'],
      [upd, 'updateRecording'],
    ] as const) {
      expect(answer.status).toBe(401);
      spec.assertValid(answer.body, op, 401);
      expect(answer.body).toEqual({ error: 'Invalid API token' });
    }
    expect(server.data.get(uuid)?.title).not.toBe('x');
  });

  it('exposes the fixed demo tokens', () => {
    expect(server.adminToken).toBe(DEMO_ADMIN_TOKEN);
    expect(server.memberToken).toBe(DEMO_MEMBER_TOKEN);
  });

  it('shows a member only their own recordings, in the same order, with honest counts', async () => {
    const own = server.data.list().filter((r) => r.user?.email === server.memberEmail);
    expect(own.length).toBeGreaterThan(5);
    expect(own.length).toBeLessThan(server.data.size());
    const pages = await walkPages(server, server.memberToken);
    for (const page of pages) spec.assertValid(page, 'listRecordings', 200);
    expect(pages[0]?.pagination.count).toBe(own.length);
    expect(pages.flatMap((p) => p.records.map((r) => r.uuid))).toEqual(own.map((r) => r.uuid));
  });

  it("answers 404 when a member asks for someone else's recording, 200 for their own", async () => {
    const all = server.data.list();
    const mine = all.find((r) => r.user?.email === server.memberEmail) as Recording;
    const theirs = all.find((r) => r.user && r.user.email !== server.memberEmail) as Recording;
    const unowned = all.find((r) => r.user === null) as Recording;
    expect((await call(server, `/recordings/${mine.uuid}`, { token: server.memberToken })).status).toBe(200);
    for (const other of [theirs, unowned]) {
      const answer = await call(server, `/recordings/${other.uuid}`, { token: server.memberToken });
      expect(answer.status).toBe(404);
      spec.assertValid(answer.body, 'getRecording', 404);
    }
  });

  it('forbids a member to PATCH, even their own recording, and changes nothing', async () => {
    const mine = server.data.list().find((r) => r.user?.email === server.memberEmail) as Recording;
    const answer = await call(server, `/recordings/${mine.uuid}`, {
      token: server.memberToken,
      method: 'PATCH',
      body: JSON.stringify({ recording: { title: 'Member edit' } }),
    });
    expect(answer.status).toBe(403);
    spec.assertValid(answer.body, 'updateRecording', 403);
    expect(server.data.get(mine.uuid as string)).toEqual(mine);
  });
});

describe('routing', () => {
  it('answers unknown paths with 404 JSON, even without a token', async () => {
    for (const path of ['/nothing', '/recordings/a/b', '/recordingsX']) {
      const answer = await call(server, path, { token: null });
      expect(answer.status, path).toBe(404);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.body).toEqual({ error: 'Not Found' });
    }
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const list = await call(server, '/recordings', { method: 'POST', body: '{}' });
    expect(list.status).toBe(405);
    expect(list.headers.get('allow')).toBe('GET, HEAD');
    const one = await call(server, `/recordings/${server.data.uuids()[0]}`, { method: 'DELETE' });
    expect(one.status).toBe(405);
    expect(one.headers.get('allow')).toBe('GET, HEAD, PATCH');
    expect(one.body).toEqual({ error: 'Method Not Allowed' });
    expect(server.data.size()).toBe(250);
  });

  it('answers HEAD like GET, without a body', async () => {
    const res = await fetch(`${server.url}/recordings`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${server.adminToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe('');
  });

  it('tolerates a trailing slash and honours a custom base path', async () => {
    expect((await call(server, '/recordings/')).status).toBe(200);
    const custom = await startDemoServer({ recordings: 3, basePath: '/custom/v9/' });
    try {
      expect(custom.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/custom\/v9$/);
      const answer = await call<ListBody>(custom, '/recordings');
      expect(answer.body.pagination.count).toBe(3);
      const wrongBase = await fetch(custom.url.replace('/custom/v9', '/api/v2') + '/recordings');
      expect(wrongBase.status).toBe(404);
    } finally {
      await custom.close();
    }
  });
});

describe('the listening socket', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    const port = new URL(server.url).port;
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return; // no other interface on this machine: nothing else to connect through
    await expect(fetch(`http://${external.address}:${port}/api/v2/recordings`)).rejects.toThrow();
  });

  it('records every request it answers', async () => {
    const before = server.requests.length;
    await call(server, '/recordings?page=2&x=%C3%A9');
    await call(server, '/nowhere', { token: null });
    expect(server.requests.slice(before)).toEqual([
      {
        method: 'GET',
        path: '/api/v2/recordings',
        query: 'page=2&x=%C3%A9',
        status: 200,
        at: expect.any(Number),
      },
      { method: 'GET', path: '/api/v2/nowhere', query: '', status: 404, at: expect.any(Number) },
    ]);
  });

  it('closes promptly with a keep-alive connection open and refuses new requests afterwards', async () => {
    const temp = await startDemoServer({ recordings: 1 });
    await call(temp, '/recordings'); // leaves an idle keep-alive socket behind
    await temp.close();
    await expect(fetch(`${temp.url}/recordings`)).rejects.toThrow();
  });
});
