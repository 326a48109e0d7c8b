// Fault injection and latency: what a client sees when the scripted server misbehaves.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/main/demo';
import { call, type ListBody } from '../helpers/demo-client';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer({ recordings: 30, pageSize: 10 });
});
afterEach(() => {
  server.faults.clear();
  server.latencyMs = 0;
});
afterAll(() => server.close());

describe('status faults', () => {
  it('answers the given status with a default {"error"} body, `times` times, then recovers', async () => {
    server.faults.add({ kind: 'status', status: 500, times: 2 });
    expect(server.faults.pending()).toBe(1);
    const first = await call(server, '/recordings');
    const second = await call(server, '/recordings');
    const third = await call<ListBody>(server, '/recordings');
    expect([first.status, second.status, third.status]).toEqual([500, 500, 200]);
    expect(first.body).toEqual({ error: 'Internal Server Error' });
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(third.body.records).toHaveLength(10);
    expect(server.faults.pending()).toBe(0);
  });

  it('can answer like an HTML proxy page or with the documented {"error": {message, code}} body', async () => {
    server.faults.add({
      kind: 'status',
      status: 502,
      times: 1,
      body: '<html><h1>502 Bad Gateway</h1></html>',
      contentType: 'text/html',
    });
    server.faults.add({
      kind: 'status',
      status: 404,
      times: 1,
      body: '{"error":{"message":"Recording not found or does not exist","code":404}}',
    });
    const html = await fetch(`${server.url}/recordings`, {
      headers: { Authorization: `Bearer ${server.adminToken}` },
    });
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toBe('text/html');
    expect(await html.text()).toBe('<html><h1>502 Bad Gateway</h1></html>');
    const nested = await call(server, '/recordings');
    expect(nested.status).toBe(404);
    expect(nested.body).toEqual({ error: { message: 'Recording not found or does not exist', code: 404 } });
  });

  it('applies faults in the order added and only to matching paths and methods', async () => {
    server.faults.add({
      kind: 'status',
      status: 503,
      times: 1,
      path: /\/recordings\/[^/]+$/,
      method: 'patch',
    });
    server.faults.add({ kind: 'status', status: 504, times: 1 });
    server.faults.add({ kind: 'status', status: 500, times: 1 });
    const uuid = server.data.uuids()[0] as string;
    const statuses: number[] = [];
    statuses.push((await call(server, `/recordings/${uuid}`)).status); // GET: the PATCH-only fault is skipped
    statuses.push(
      (await call(server, `/recordings/${uuid}`, { method: 'PATCH', body: '{"recording":{"title":"t"}}' }))
        .status,
    );
    statuses.push((await call(server, '/recordings')).status);
    statuses.push((await call(server, '/recordings')).status);
    expect(statuses).toEqual([504, 503, 500, 200]);
    expect(server.data.get(uuid)?.title).not.toBe('t');
  });

  it('applies faults before authentication, as a proxy in front of the API would', async () => {
    server.faults.add({ kind: 'status', status: 503, times: 1 });
    expect((await call(server, '/recordings', { token: null })).status).toBe(503);
  });

  it('survives a fault it cannot send (an invalid status) with a 500, and keeps serving', async () => {
    server.faults.add({ kind: 'status', status: 42, times: 1 });
    const before = server.requests.length;
    const answer = await call(server, '/recordings');
    expect(answer.status).toBe(500);
    expect(server.requests.slice(before).map((r) => r.status)).toEqual([500]);
    expect((await call(server, '/recordings')).status).toBe(200);
  });

  it('targets one page of the list when given a page, and never a single recording', async () => {
    server.faults.add({ kind: 'status', status: 500, page: 2 });
    server.faults.add({ kind: 'records', records: [], page: 3 });
    const uuid = server.data.uuids()[0] as string;
    expect((await call(server, `/recordings/${uuid}`)).status).toBe(200);
    expect((await call(server, '/recordings')).status).toBe(200);
    expect((await call(server, '/recordings?page=2')).status).toBe(500);
    const third = await call<ListBody>(server, '/recordings?page=3');
    expect(third.status).toBe(200);
    expect(third.body.records).toEqual([]);
    expect(third.body.pagination.count).toBe(30); // the totals still claim the page is full
  });

  it('clear() removes every pending fault', async () => {
    server.faults.add({ kind: 'status', status: 500 });
    server.faults.add({ kind: 'drop' });
    expect(server.faults.pending()).toBe(2);
    server.faults.clear();
    expect(server.faults.pending()).toBe(0);
    expect((await call(server, '/recordings')).status).toBe(200);
  });
});

describe('rate limiting', () => {
  it.each([
    ['seconds', '2'],
    ['an HTTP date', 'Wed, 21 Oct 2026 07:28:00 GMT'],
  ])('answers 429 with a Retry-After in %s and an error body', async (_label, retryAfter) => {
    server.faults.add({ kind: 'rate-limit', retryAfter, times: 1 });
    const limited = await call(server, '/recordings');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe(retryAfter);
    expect(limited.body).toEqual({ error: expect.stringMatching(/rate limit/i) });
    expect((await call(server, '/recordings')).status).toBe(200);
  });

  it('sends Retry-After: 1 when none is given', async () => {
    server.faults.add({ kind: 'rate-limit', times: 1 });
    expect((await call(server, '/recordings')).headers.get('retry-after')).toBe('1');
  });
});

describe('dropped connections', () => {
  it('destroys the socket without an answer, logs status 0, and serves the next request', async () => {
    server.faults.add({ kind: 'drop', times: 1 });
    const before = server.requests.length;
    await expect(call(server, '/recordings?page=2')).rejects.toThrow(TypeError);
    expect(server.requests.slice(before)).toEqual([
      { method: 'GET', path: '/api/v2/recordings', query: 'page=2', status: 0, at: expect.any(Number) },
    ]);
    expect((await call(server, '/recordings')).status).toBe(200);
  });
});

describe('slow answers and latency', () => {
  it('answers a slow request late enough for a client timeout to fire, then recovers', async () => {
    const uuid = server.data.uuids()[0] as string;
    server.faults.add({ kind: 'slow', delayMs: 60_000, times: 1, path: /\/recordings$/ });
    server.faults.add({
      kind: 'slow',
      delayMs: 60_000,
      times: 1,
      path: new RegExp(`${uuid}$`),
      method: 'PATCH',
    });
    await expect(call(server, '/recordings', { signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /abort|timeout/i,
    );
    // The fault was used up by the timed-out request; the next one answers normally.
    expect((await call(server, '/recordings')).status).toBe(200);
    expect((await call(server, `/recordings/${uuid}`)).status).toBe(200); // GET: the PATCH-only fault waits
    expect(server.faults.pending()).toBe(1);
  });

  it('delays every answer by latencyMs, settable at run time', async () => {
    server.latencyMs = 60_000;
    await expect(call(server, '/recordings', { signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /abort|timeout/i,
    );
    server.latencyMs = 0;
    expect((await call(server, '/recordings')).status).toBe(200);
  });

  it('answers requests in the order their delays end, not the order they arrived', async () => {
    const order: string[] = [];
    const uuid = server.data.uuids()[0] as string;
    server.faults.add({ kind: 'slow', delayMs: 1_500, times: 1, path: /\/recordings\/[^/]+$/ });
    const slow = call(server, `/recordings/${uuid}`).then(() => order.push('slow'));
    // Wait until the slow request holds its fault, so the fast one surely arrives second.
    while (server.faults.pending() > 0) await new Promise((r) => setTimeout(r, 5));
    const fast = call(server, '/recordings').then(() => order.push('fast'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);
  });

  it('close() does not wait for slow answers in flight', async () => {
    const temp = await startDemoServer({ recordings: 1, latencyMs: 600_000 });
    const arrived = new Promise<void>((resolve) => {
      temp.onRequest = () => resolve();
    });
    const pending = call(temp, '/recordings').catch((e: unknown) => e);
    await arrived;
    await temp.close(); // the test would time out if close() waited ten minutes
    expect(await pending).toBeInstanceOf(Error);
  });
});

describe('lying list responses', () => {
  it('merges pagination overrides (undefined deletes a field) for `times` list answers', async () => {
    server.faults.add({
      kind: 'pagination',
      times: 1,
      override: { pages: 5_000_000, page: 7, next_page: undefined, prev_page: null },
    });
    const lying = await call<ListBody>(server, '/recordings?page=2');
    expect(lying.status).toBe(200);
    expect(lying.body.pagination).toEqual({
      count: 30,
      page: 7,
      items: 10,
      pages: 5_000_000,
      last_page: 3,
      from: 11,
      to: 20,
      prev_page: null,
    });
    expect(lying.body.records).toHaveLength(10);
    const honest = await call<ListBody>(server, '/recordings?page=2');
    expect(honest.body.pagination).toMatchObject({ page: 2, pages: 3, next_page: 3, prev_page: 1 });
  });

  it('replaces the records array, and leaves GET of one recording alone', async () => {
    server.faults.add({ kind: 'records', times: 1, records: [{ uuid: 42 }, null, 'text'] });
    const uuid = server.data.uuids()[0] as string;
    expect((await call(server, `/recordings/${uuid}`)).body).toMatchObject({ uuid });
    expect(server.faults.pending()).toBe(1); // not used up by a request it cannot apply to
    const broken = await call<ListBody>(server, '/recordings');
    expect(broken.body.records).toEqual([{ uuid: 42 }, null, 'text']);
    expect(broken.body.pagination.count).toBe(30);
    expect(server.faults.pending()).toBe(0);
  });

  it('does not spend a list fault on a request that fails first', async () => {
    server.faults.add({ kind: 'records', times: 1, records: [] });
    expect((await call(server, '/recordings', { token: 'wrong' })).status).toBe(401);
    expect(server.faults.pending()).toBe(1);
    expect((await call<ListBody>(server, '/recordings')).body.records).toEqual([]);
  });
});
