// DesktopService's background work: the sync scheduler (interval from the settings, one sync at a
// time), the connectivity monitor (real failures, the OS signal, probing back), pushing on the way
// back online, and the events the UI shows. Timers are fired by the test, never waited for.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxCounts, OutboxItem, SyncStatus, SyncSummary } from '../../src/shared/contract';
import { startDemoServer } from '../../src/main/demo';
import { PUSH_BACKOFF_BASE_MS } from '../../src/main/sync';
import type { DemoServer } from '../../src/main/demo';
import { PROBE_MS, serviceFixture } from '../helpers/service-fixture';
import type { ServiceFixture } from '../helpers/service-fixture';

const MINUTE = 60_000;
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function server(port = 0): Promise<DemoServer> {
  const s = await startDemoServer({ recordings: 30, port });
  cleanup.push(() => s.close());
  return s;
}

async function signedIn(demo: DemoServer, token = demo.adminToken): Promise<ServiceFixture> {
  const f = serviceFixture();
  cleanup.push(() => f.close());
  await f.service.start();
  await f.value('account:signIn', { apiUrl: demo.url, token });
  // The sign-in's own first sync.
  await f.value('sync:now');
  return f;
}

const listRequests = (demo: DemoServer): number =>
  demo.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/recordings')).length;

describe('DesktopService: sync scheduler', () => {
  it('syncs every N minutes as set, and not at all with 0', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    // The default interval is 15 minutes; the next sync waits for it.
    expect(f.timers.delays()).toContain(15 * MINUTE);

    await f.value('settings:set', { syncIntervalMinutes: 5 });
    expect(f.timers.delays()).toContain(5 * MINUTE);
    expect(f.timers.delays()).not.toContain(15 * MINUTE);

    demo.data.add(2);
    const before = listRequests(demo);
    const done = f.events.next('sync:status', (s) => !s.running && s.cached === 32);
    expect(f.timers.fire(5 * MINUTE)).toBe(1);
    await done;
    expect(listRequests(demo)).toBeGreaterThan(before);
    // And the countdown starts again.
    expect(f.timers.delays()).toContain(5 * MINUTE);

    await f.value('settings:set', { syncIntervalMinutes: 0 });
    expect(f.timers.delays().filter((ms) => ms >= MINUTE)).toEqual([]);
  });

  it('runs one sync at a time: a second request joins the running one', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    const before = listRequests(demo);
    const [a, b] = await Promise.all([f.service['sync:now'](), f.service['sync:now']()]);
    expect(a).toBe(b);
    const oneSync = listRequests(demo) - before;
    await f.service['sync:now']();
    expect(listRequests(demo) - before).toBe(2 * oneSync);
  });

  it('reports progress and status while syncing, for the status bar', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    const summary = await f.value<SyncSummary>('sync:now');
    expect(summary.total).toBe(30);
    expect(f.events.of('sync:progress').some((p) => p.phase === 'listing')).toBe(true);
    const status = await f.value<SyncStatus>('sync:status');
    expect(status).toMatchObject({ running: false, online: true, cached: 30, lastError: null });
    expect(status.lastSyncAt).not.toBeNull();
  });
});

describe('DesktopService: a server that asks to wait', () => {
  const HOURS_2 = 2 * 60 * MINUTE;

  it('a Retry-After beyond the cap: no timed sync or push before then, the status says until when', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    demo.faults.add({ kind: 'rate-limit', retryAfter: '7200', times: 1 });
    const before = demo.requests.length;
    const started = Date.now();
    const failed = f.events.next('sync:status', (s) => !s.running && s.lastError !== null);
    expect(f.timers.fire(15 * MINUTE)).toBe(1);
    const status = await failed;
    // One request, answered 429: not retried against the server's word.
    expect(demo.requests.length - before).toBe(1);
    expect(status.lastError?.code).toBe('rate_limited');
    expect(status.rateLimitedUntil).toBeGreaterThanOrEqual(started + HOURS_2);
    expect(status.rateLimitedUntil).toBeLessThanOrEqual(Date.now() + HOURS_2 + 1_000);

    // The next timed sync waits for the server's time, not the 15-minute interval.
    const waits = f.timers.delays();
    expect(waits).not.toContain(15 * MINUTE);
    expect(Math.max(...waits)).toBeGreaterThan(HOURS_2 - MINUTE);

    // Going offline and back does not send anything either, nor does a new edit.
    f.service.setOsOnline(false);
    f.service.setOsOnline(true);
    const uuid = demo.data.uuids()[0] ?? '';
    await f.value<OutboxItem>('outbox:edit', { uuid, fields: { title: 'Edited while rate limited' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(demo.requests.length - before).toBe(1);
    expect((await f.value<OutboxCounts>('outbox:counts')).pending).toBe(1);

    // At the server's time, the held sync runs, pushes the edit and clears the wait.
    const done = f.events.next('sync:status', (s) => !s.running && s.lastError === null);
    const pushed = f.events.next('outbox:changed', (c) => c.pending === 0);
    expect(f.timers.fire(Math.max(...waits))).toBeGreaterThan(0);
    expect((await done).rateLimitedUntil).toBeNull();
    await pushed;
    expect(demo.data.get(uuid)?.title).toBe('Edited while rate limited');
    expect(f.timers.delays()).toContain(15 * MINUTE);
  });
});

describe('DesktopService: a sync against a server that answers imperfectly', () => {
  it('says in the summary and the status what it kept unconfirmed and why, until a sync settles it', async () => {
    const demo = await startDemoServer({ recordings: 250 });
    cleanup.push(() => demo.close());
    const f = await signedIn(demo);
    demo.faults.add({ kind: 'records', records: [], page: 3 });
    demo.faults.add({ kind: 'status', status: 403, method: 'GET', path: /\/recordings\/[^/]+$/ });
    const summary = await f.value<SyncSummary>('sync:now');
    expect(summary).toMatchObject({ removed: 0, total: 250, kept: 50, confirmed: 0 });
    expect(summary.keptReason).toMatch(/page 3 came back empty; could not confirm: the server answered 403/);
    const status = await f.value<SyncStatus>('sync:status');
    expect(status).toMatchObject({ lastError: null, cached: 250, kept: { count: 50 } });
    expect(status.kept?.reason).toBe(summary.keptReason);

    demo.faults.clear();
    expect(await f.value<SyncSummary>('sync:now')).toMatchObject({ kept: 0, keptReason: null });
    expect((await f.value<SyncStatus>('sync:status')).kept).toBeNull();
  });
});

describe('DesktopService: connectivity', () => {
  it('goes offline when requests fail, probes, comes back online and pushes the queued edit', async () => {
    let demo = await server();
    const port = Number(new URL(demo.url).port);
    const f = await signedIn(demo);
    const uuid = demo.data.uuids()[0] ?? '';

    // The server goes away: the next real request fails, and the app says it is offline.
    await demo.close();
    const offline = f.events.next('connectivity', (c) => !c.online);
    const failed = await f.call('sync:now');
    expect(failed).toMatchObject({ ok: false, error: { code: 'network' } });
    await offline;
    expect((await f.value<SyncStatus>('sync:status')).online).toBe(false);

    // An edit made offline waits in the queue.
    await f.value<OutboxItem>('outbox:edit', { uuid, fields: { title: 'Edited on a plane' } });
    expect((await f.value<OutboxCounts>('outbox:counts')).pending).toBe(1);

    // A probe while the server is still down changes nothing.
    expect(f.timers.fire(PROBE_MS)).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));

    // The server is back on the same address; the next probe finds it, and the edit goes out.
    demo = await server(port);
    const online = f.events.next('connectivity', (c) => c.online);
    const pushed = f.events.next('outbox:changed', (c) => c.pending === 0);
    // The failed probe scheduled the next one; fire until one has run against the live server.
    while (f.timers.fire(PROBE_MS) === 0) await new Promise((resolve) => setImmediate(resolve));
    await online;
    await pushed;
    expect(demo.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(uuid))).toBe(true);
    expect(demo.data.get(uuid)?.title).toBe('Edited on a plane');
  });

  it('follows the OS signal: offline at once, and back online after a probe', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    const offline = f.events.next('connectivity', (c) => !c.online);
    f.service.setOsOnline(false);
    await offline;
    expect((await f.value<SyncStatus>('sync:status')).online).toBe(false);
    const online = f.events.next('connectivity', (c) => c.online);
    f.service.setOsOnline(true);
    await online;
  });

  it('a timed sync missed while offline runs when the network is back', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    f.service.setOsOnline(false);
    const before = listRequests(demo);
    f.timers.fire(15 * MINUTE);
    expect(listRequests(demo)).toBe(before);
    const started = f.events.next('sync:status', (s) => s.running);
    f.service.setOsOnline(true);
    await started;
    await f.events.next('sync:status', (s) => !s.running);
    expect(listRequests(demo)).toBeGreaterThan(before);
  });
});

describe('DesktopService: queued edits', () => {
  it('an edit the server refuses raises one outbox:problem and shows in the counts', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    const uuid = demo.data.uuids()[1] ?? '';
    demo.faults.add({ kind: 'status', status: 422, method: 'PATCH', times: 1 });
    const problem = f.events.next('outbox:problem');
    await f.value('outbox:edit', { uuid, fields: { title: 'Rejected title' } });
    const p = await problem;
    expect(p).toMatchObject({ uuid, status: 'failed' });
    expect(p.message).toMatch(/not accepted/);
    expect((await f.value<OutboxCounts>('outbox:counts')).failed).toBe(1);
    // Pushing again does not raise it again.
    await f.value('outbox:push');
    expect(f.events.of('outbox:problem')).toHaveLength(1);
  });

  it('an edit the server failed for a passing reason (503) on a push is sent again once its backoff ends', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    const uuid = demo.data.uuids()[3] ?? '';
    // Both attempts of the client (the fixture allows two) meet the 503: the edit backs off.
    demo.faults.add({ kind: 'status', status: 503, method: 'PATCH', times: 2 });
    await f.value('outbox:edit', { uuid, fields: { title: 'After the hiccup' } });
    await f.service.whenIdle();
    expect(await f.value<OutboxCounts>('outbox:counts')).toEqual({ pending: 1, failed: 0, conflict: 0 });
    await expectRetriedWhenDue(f, demo, uuid, 'After the hiccup');
  });

  it('an edit the server failed for a passing reason (503) during a sync is sent again once its backoff ends', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    const uuid = demo.data.uuids()[4] ?? '';
    // Typed offline, while the timed sync came and went: back online, the missed sync pushes it first.
    f.service.setOsOnline(false);
    await f.value('outbox:edit', { uuid, fields: { title: 'Typed on the train' } });
    expect(f.timers.fire(15 * MINUTE)).toBe(1);
    demo.faults.add({ kind: 'status', status: 503, method: 'PATCH', times: 2 });
    const synced = f.events.next('sync:status', (s) => !s.running && s.lastError === null);
    f.service.setOsOnline(true);
    await synced;
    await f.service.whenIdle();
    expect(await f.value<OutboxCounts>('outbox:counts')).toEqual({ pending: 1, failed: 0, conflict: 0 });
    await expectRetriedWhenDue(f, demo, uuid, 'Typed on the train');
  });

  it('an edit the app itself refuses comes back as a validation error the form can show', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    const result = await f.call('outbox:edit', {
      uuid: demo.data.uuids()[0],
      fields: { title: 'x'.repeat(5_000) },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await f.value<OutboxCounts>('outbox:counts')).pending).toBe(0);
  });

  it('after a 401, signing in with a new token carries the waiting edits over and sends them', async () => {
    const demo = await server();
    // The server knows one token; "rotated-token" stands for the new one the user pastes after a 401
    // (it becomes the admin token on the wire, but it is another token, hence another cache, to the app).
    const rotated = 'rotated-token-0123456789';
    const f = serviceFixture({
      extra: {
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          if (headers.get('authorization') === `Bearer ${rotated}`) {
            headers.set('authorization', `Bearer ${demo.adminToken}`);
          }
          return fetch(input, { ...init, headers });
        },
      },
    });
    cleanup.push(() => f.close());
    await f.value('account:signIn', { apiUrl: demo.url, token: demo.adminToken });
    await f.value('sync:now');
    const uuid = demo.data.uuids()[2] ?? '';

    // The token is revoked: the edit cannot go, and the app says a new token is needed.
    demo.faults.add({ kind: 'status', status: 401 });
    const needsToken = f.events.next('account:changed', (a) => a.needsToken);
    await f.value('outbox:edit', { uuid, fields: { title: 'Saved across tokens' } });
    await needsToken;
    expect((await f.value<OutboxCounts>('outbox:counts')).pending).toBe(1);
    demo.faults.clear();

    const pushed = f.events.next('outbox:changed', (c) => c.pending === 0);
    await f.value('account:signIn', { apiUrl: demo.url, token: rotated });
    await pushed;
    expect(demo.data.get(uuid)?.title).toBe('Saved across tokens');
  });

  it('a 403 on the GET before a PATCH pauses the queue with one account problem; the next scheduled sync resumes it', async () => {
    const demo = await server();
    const f = await signedIn(demo);
    const [a, b] = demo.data.uuids();
    demo.faults.add({
      kind: 'status',
      status: 403,
      method: 'GET',
      path: /\/recordings\/[^/]+$/,
      body: '{"error":"API access is disabled for this account"}',
    });
    const paused = f.events.next('account:changed', (s) => s.queuePaused !== null);
    await f.value('outbox:edit', { uuid: a, fields: { title: 'First, paused' } });
    const state = await paused;
    expect(state.queuePaused).toMatch(/refused API access \(403: API access is disabled/);
    expect(state.needsToken).toBe(false);
    await f.value('outbox:edit', { uuid: b, fields: { summary: 'Second, paused' } });
    // "Send pending edits now" probes again: still refused, still paused, nothing failed.
    expect(await f.value<OutboxCounts>('outbox:push')).toEqual({ pending: 2, failed: 0, conflict: 0 });
    // Paused is not failed: no edit is reported as a problem of its own.
    expect(f.events.of('outbox:problem')).toEqual([]);

    // Access returns; nobody clicks anything: the scheduled sync pushes first and the queue goes out.
    demo.faults.clear();
    const resumed = f.events.next('account:changed', (s) => s.queuePaused === null);
    const sent = f.events.next('outbox:changed', (c) => c.pending === 0);
    expect(f.timers.fire(15 * MINUTE)).toBe(1);
    await Promise.all([resumed, sent]);
    expect(demo.data.get(a!)?.title).toBe('First, paused');
    expect(demo.data.get(b!)?.summary).toBe('Second, paused');
  });

  it('a member cannot edit: the account state says so after the server refuses', async () => {
    const demo = await server();
    const f = await signedIn(demo, demo.memberToken);
    const mine = demo.data
      .list()
      .find((r) => (r.user as { email?: string } | null)?.email === demo.memberEmail);
    expect(mine).toBeDefined();
    const refused = f.events.next('account:changed', (a) => a.canEdit === false);
    await f.value('outbox:edit', { uuid: mine?.uuid, fields: { title: 'Member edit' } });
    await refused;
  });
});

/**
 * One timer waits for the backed-off edit, at most the first backoff away (besides the timed sync and
 * the probe); when it fires at that time (the clock moved on), the edit goes out without a sync.
 */
async function expectRetriedWhenDue(
  f: ServiceFixture,
  demo: DemoServer,
  uuid: string,
  title: string,
): Promise<void> {
  const retries = f.timers.delays().filter((ms) => ms !== 15 * MINUTE && ms !== PROBE_MS);
  expect(retries).toHaveLength(1);
  expect(retries[0]).toBeGreaterThanOrEqual(1_000);
  expect(retries[0]).toBeLessThanOrEqual(PUSH_BACKOFF_BASE_MS);
  const lists = listRequests(demo);
  vi.setSystemTime(Date.now() + PUSH_BACKOFF_BASE_MS + 1_000);
  try {
    expect(f.timers.fire(retries[0]!)).toBe(1);
    await f.service.whenIdle();
  } finally {
    vi.useRealTimers();
  }
  expect(demo.data.get(uuid)?.title).toBe(title);
  expect(await f.value<OutboxCounts>('outbox:counts')).toEqual({ pending: 0, failed: 0, conflict: 0 });
  expect(listRequests(demo)).toBe(lists);
}
