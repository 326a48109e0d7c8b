// The API client against the demo Screendesk server: normal operations as admin and member, and every
// fault the demo can inject. Real sockets and the real fetch; only the waits between retries are
// injected (recorded, not slept) where a test would otherwise take seconds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ScreendeskClient,
  walkPages,
  type RetryInfo,
  type ScreendeskClientOptions,
  type WalkedPage,
  type WalkOptions,
  type WalkSummary,
} from '../../src/main/api';
import { startDemoServer, type DemoServer } from '../../src/main/demo';
import { readRecordingFields } from '../../src/shared/server-json';

let demo: DemoServer;
let sleeps: number[];
let retries: RetryInfo[];

beforeEach(async () => {
  demo = await startDemoServer({ recordings: 1000, pageSize: 100 });
  sleeps = [];
  retries = [];
});
afterEach(async () => {
  await demo.close();
});

function client(opts: Partial<ScreendeskClientOptions> = {}): ScreendeskClient {
  return new ScreendeskClient({
    baseUrl: demo.url,
    token: demo.adminToken,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRetry: (info) => retries.push(info),
    ...opts,
  });
}

// The summary of the last walkAll().
let lastWalk: WalkSummary | undefined;
async function walkAll(c: ScreendeskClient, opts: WalkOptions = {}): Promise<WalkedPage[]> {
  const pages: WalkedPage[] = [];
  lastWalk = await walkPages(c, (page) => void pages.push(page), opts);
  return pages;
}

const uuidsOf = (pages: WalkedPage[]): string[] => pages.flatMap((p) => p.records.map((r) => r.uuid));

describe('normal operations', () => {
  it('walks all pages of 1,000 recordings and sees every uuid once', async () => {
    const pages = await walkAll(client());
    const seen = uuidsOf(pages);
    expect(seen).toHaveLength(1000);
    expect(new Set(seen)).toEqual(new Set(demo.data.uuids()));
    expect(pages).toHaveLength(10);
    expect(lastWalk?.stop).toBe('end');
    expect(
      pages.every((p) => p.skipped === 0 && p.duplicates === 0 && p.pagination.anomalies.length === 0),
    ).toBe(true);
  });

  it('keeps the server JSON untouched for the cache', async () => {
    const page = await client().listRecordings(1);
    const first = page.records[0];
    expect(first?.raw).toEqual(demo.data.get(first?.uuid ?? ''));
  });

  it('walks with four pages in flight, covers everything, asks for no page twice and proves it', async () => {
    const pages = await walkAll(client(), { limit: { current: 4, succeeded: () => undefined } });
    expect(new Set(uuidsOf(pages))).toEqual(new Set(demo.data.uuids()));
    expect(demo.requests.map((r) => r.query).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `page=${i + 1}`).sort(),
    );
    expect(lastWalk).toMatchObject({ stop: 'end', requests: 10, distinct: 1000, gap: null });
  });

  it('walks on a base URL given with a trailing slash', async () => {
    const pages = await walkAll(client({ baseUrl: `${demo.url}/` }));
    expect(uuidsOf(pages)).toHaveLength(1000);
  });

  it('sees every uuid once while recordings are added during the walk', async () => {
    demo.onRequest = (req) => {
      if (req.page === 4) demo.data.add(5);
    };
    const seen = uuidsOf(await walkAll(client()));
    expect(new Set(seen).size).toBe(seen.length);
    // The five new ones push five old ones from page 3 onto page 4: nothing old is lost, nothing doubled.
    const before = new Set(demo.data.uuids().slice(5));
    for (const uuid of before) expect(seen).toContain(uuid);
  });

  it('gets one recording', async () => {
    const uuid = demo.data.uuids()[17] ?? '';
    const entry = await client().getRecording(uuid);
    expect(entry.uuid).toBe(uuid);
    expect(entry.raw).toEqual(demo.data.get(uuid));
  });

  it('patches as admin, sending only the changed fields', async () => {
    const uuid = demo.data.uuids()[3] ?? '';
    const before = demo.data.get(uuid);
    const updated = await client().updateRecording(uuid, { title: 'Renamed from the client', summary: null });
    expect(updated.raw).toMatchObject({ title: 'Renamed from the client', summary: null });
    expect(updated.raw['description']).toBe(before?.description);
    expect(demo.data.get(uuid)?.title).toBe('Renamed from the client');
    expect(demo.requests.at(-1)).toMatchObject({ method: 'PATCH', status: 200 });
  });

  it('answers 404 for an unknown recording, without retrying', async () => {
    const err = await client()
      .getRecording('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not_found', status: 404, serverMessage: 'Recording not found' });
    expect(demo.requests).toHaveLength(1);
  });

  it('answers 422 with the server message for an invalid change', async () => {
    const uuid = demo.data.uuids()[0] ?? '';
    const err = await client()
      .updateRecording(uuid, { title: '   ' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'validation', status: 422, retryable: false });
    expect((err as Error).message).toBe("The server rejected the change: Title can't be blank (422)");
    expect(demo.requests).toHaveLength(1);
  });

  it('refuses a wrong token at login, naming the problem', async () => {
    const err = await client({ token: 'not-a-demo-token' })
      .verifyToken()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'auth', status: 401 });
    expect((err as Error).message).toMatch(/^The API token was not accepted.*Invalid API token \(401\)$/);
  });

  it('verifies the admin token', async () => {
    await expect(client().verifyToken()).resolves.toEqual({ count: 1000, pages: 10 });
  });
});

describe('as a member', () => {
  it('sees only their own recordings', async () => {
    const pages = await walkAll(client({ token: demo.memberToken }));
    const records = pages.flatMap((p) => p.records);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(1000);
    expect(records.every((r) => readRecordingFields(r.raw).userEmail === demo.memberEmail)).toBe(true);
  });

  it('gets 403 on PATCH, not retried', async () => {
    const own = (await client({ token: demo.memberToken }).listRecordings(1)).records[0]?.uuid ?? '';
    demo.requests.length = 0;
    const err = await client({ token: demo.memberToken })
      .updateRecording(own, { title: 'Mine now' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'forbidden', status: 403, retryable: false });
    expect((err as Error).message).toMatch(/You are not authorized to perform this action \(403\)$/);
    expect(demo.requests).toHaveLength(1);
  });

  it("gets 404 for someone else's recording", async () => {
    const others = demo.data.list().find((r) => r.user?.email !== demo.memberEmail);
    await expect(client({ token: demo.memberToken }).getRecording(others?.uuid ?? '')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('faults', () => {
  it('retries 5xx answers, then succeeds', async () => {
    demo.faults.add({ kind: 'status', status: 503, times: 2 });
    const page = await client().listRecordings(1);
    expect(page.records).toHaveLength(100);
    expect(demo.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(sleeps).toHaveLength(2);
  });

  it('gives up on a server that keeps failing, with the last error', async () => {
    demo.faults.add({ kind: 'status', status: 500 });
    await expect(client().listRecordings(1)).rejects.toMatchObject({ code: 'server', status: 500 });
    expect(demo.requests).toHaveLength(5);
  });

  it('honours Retry-After in seconds on 429', async () => {
    demo.faults.add({ kind: 'rate-limit', retryAfter: '3', times: 1 });
    await client().listRecordings(1);
    expect(sleeps).toEqual([3000]);
    expect(retries[0]?.error).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 3000 });
  });

  it('honours Retry-After as an HTTP date on 429', async () => {
    const now = Date.parse('Sun, 01 Nov 2026 12:00:00 GMT');
    demo.faults.add({ kind: 'rate-limit', retryAfter: 'Sun, 01 Nov 2026 12:00:09 GMT', times: 1 });
    await client({ now: () => now }).listRecordings(1);
    expect(sleeps).toEqual([9000]);
  });

  it('waits for real on a short Retry-After', async () => {
    demo.faults.add({ kind: 'rate-limit', retryAfter: '1', times: 1 });
    const started = performance.now();
    await client({ sleep: undefined }).listRecordings(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(demo.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('retries dropped connections', async () => {
    demo.faults.add({ kind: 'drop', times: 2 });
    await expect(client().getRecording(demo.data.uuids()[0] ?? '')).resolves.toBeDefined();
    expect(retries.map((r) => r.error.code)).toEqual(['network', 'network']);
  });

  it('times out answers slower than the timeout, and retries them', async () => {
    demo.faults.add({ kind: 'slow', delayMs: 1500, times: 1 });
    const page = await client({ timeoutMs: 200 }).listRecordings(1);
    expect(page.records).toHaveLength(100);
    expect(retries[0]?.error).toMatchObject({ code: 'timeout' });
  });

  it('reports a timeout when every answer is too slow', async () => {
    demo.faults.add({ kind: 'slow', delayMs: 1500 });
    const err = await client({ timeoutMs: 150, retry: { maxAttempts: 2 } })
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'timeout', message: 'The server did not answer within 150 ms' });
  });

  it('cancels a slow request when the caller aborts, without retrying', async () => {
    demo.faults.add({ kind: 'slow', delayMs: 2000 });
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 100);
    await expect(client().listRecordings(1, { signal: ctrl.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(retries).toEqual([]);
  });

  it('shows an HTML error page as a clear message, never the page', async () => {
    demo.faults.add({
      kind: 'status',
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
    });
    const err = await client({ retry: { maxAttempts: 2 } })
      .listRecordings(1)
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('Unexpected 502 response from the server (text/html)');
    expect(demo.requests).toHaveLength(2);
  });

  it("reads the docs' error shape from a fault body", async () => {
    demo.faults.add({
      kind: 'status',
      status: 403,
      body: JSON.stringify({ error: { message: 'API access is an Enterprise feature', code: 'plan' } }),
    });
    await expect(client().listRecordings(1)).rejects.toMatchObject({
      code: 'forbidden',
      serverMessage: 'API access is an Enterprise feature',
      serverCode: 'plan',
    });
  });

  it('survives wrong-typed and unusable records', async () => {
    demo.faults.add({
      kind: 'records',
      times: 1,
      records: [
        { uuid: 'rec-1', title: 5, metadata: 'none', user: 'x', extra: { kept: true } },
        { title: 'no uuid' },
        { uuid: 7 },
        'junk',
        null,
      ],
    });
    const page = await client().listRecordings(1);
    expect(page.skipped).toBe(4);
    expect(page.records).toHaveLength(1);
    expect(page.records[0]?.uuid).toBe('rec-1');
    expect(page.records[0]?.raw).toMatchObject({
      title: 5,
      metadata: 'none',
      user: 'x',
      extra: { kept: true },
    });
    // What the app reads out of it: the odd values as absent, never an error.
    expect(readRecordingFields(page.records[0]?.raw)).toMatchObject({
      uuid: 'rec-1',
      title: null,
      userName: null,
      userEmail: null,
      createdAt: null,
    });
  });

  it('is not fooled by pagination that claims millions of pages', async () => {
    demo.faults.add({ kind: 'pagination', override: { pages: 9_999_999, last_page: 9_999_999 } });
    const pages = await walkAll(client());
    expect(uuidsOf(pages)).toHaveLength(1000);
    expect(demo.requests).toHaveLength(10);
  });

  it('stops pagination that never ends', async () => {
    // Every page claims a next page and hides the totals; past the end the demo serves empty pages.
    demo.faults.add({
      kind: 'pagination',
      override: { next_page: 999_999, count: undefined, pages: undefined, last_page: undefined },
    });
    const pages = await walkAll(client());
    expect(uuidsOf(pages)).toHaveLength(1000);
    expect(lastWalk?.stop).toBe('empty');
    expect(demo.requests).toHaveLength(11);
  });

  it('stops a server that keeps sending the same records', async () => {
    const same = demo.data.list().slice(0, 3);
    demo.faults.add({ kind: 'records', records: same });
    demo.faults.add({ kind: 'pagination', override: { next_page: 2, count: undefined, pages: undefined } });
    const pages = await walkAll(client());
    expect(uuidsOf(pages)).toHaveLength(3);
    expect(lastWalk?.stop).toBe('no_progress');
    expect(demo.requests.length).toBeLessThanOrEqual(4);
  });

  it('copes with negative, null and string pagination values', async () => {
    demo.faults.add({
      kind: 'pagination',
      override: { count: '1000', items: -5, pages: null, prev_page: 'x' },
    });
    const pages = await walkAll(client());
    expect(uuidsOf(pages)).toHaveLength(1000);
  });

  it('rejects an answer for another page than the one asked', async () => {
    demo.faults.add({ kind: 'pagination', override: { page: 1 } });
    const c = client();
    await expect(c.listRecordings(1)).resolves.toBeDefined();
    await expect(c.listRecordings(2)).rejects.toMatchObject({ code: 'bad_response' });
  });
});
