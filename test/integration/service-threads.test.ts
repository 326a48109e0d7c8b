// The service on threads of its own (src/main/threads/), as the app and the browser host run it: the
// door's thread only relays. Real threads, a real demo server, real SQLite files. What a user would
// notice: searches come from the reader's own connection, a thread that dies comes back with nothing
// queued lost and the window told, the door's keychain and network are the ones used.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/shared/contract';
import { accountDbPath } from '../../src/main/db';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { MemorySecretStore } from '../../src/main/secrets';
import { RESTARTED_MESSAGE, ServiceThreads, SOURCE_ENTRIES, startService } from '../../src/main/threads';
import type { ServiceThreadsOptions } from '../../src/main/threads';
import { callService } from '../helpers/call-service';
import { EventLog } from '../helpers/service-fixture';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const quiet = { info() {}, warn() {}, error() {}, addSecret() {} };

async function demo(recordings = 40): Promise<DemoServer> {
  const server = await startDemoServer({ recordings });
  cleanup.push(() => server.close());
  return server;
}

async function threads(opts: Partial<ServiceThreadsOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-threads-'));
  const events = new EventLog();
  const secrets = new MemorySecretStore();
  const started = await ServiceThreads.start({
    entries: SOURCE_ENTRIES,
    dataDir,
    host: 'browser',
    version: '0.0.0-test',
    secrets,
    events: events.sink,
    openExternal: () => undefined,
    log: quiet,
    validateResults: true,
    tuning: { client: { retry: { maxAttempts: 1 } } },
    ...opts,
  });
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanup.push(() => started.close());
  return { threads: started, events, secrets, dataDir };
}

async function signedIn(server: DemoServer, opts: Partial<ServiceThreadsOptions> = {}) {
  const t = await threads(opts);
  const synced = t.events.next('sync:status', (s) => !s.running && s.cached === server.data.size());
  await callService(t.threads, 'account:signIn', { apiUrl: server.url, token: server.adminToken });
  await synced;
  return t;
}

/** Stops a thread from outside, as a crash would, and waits until it is gone. */
async function crash(worker: { terminate(): Promise<number> } | null): Promise<void> {
  if (worker === null) throw new Error('the thread is not running');
  await worker.terminate();
}

describe('the service on its own threads', () => {
  it('signs in, syncs and searches through the relay, with the token in the door’s store', async () => {
    const server = await demo();
    const { threads: t, secrets } = await signedIn(server);
    const page = await callService(t, 'search:query', { query: '' });
    expect(page.total).toBe(40);
    const first = page.results[0];
    expect(first).toBeDefined();
    const detail = await callService(t, 'recording:get', { uuid: first?.uuid ?? '' });
    expect(detail?.recording['uuid']).toBe(first?.uuid);
    // The keychain stays with the door: the service thread asked it to keep the token.
    expect(await secrets.get(server.url)).toBe(server.adminToken);
  });

  it('answers searches while another connection holds the cache’s write lock (a sync’s open transaction)', async () => {
    const server = await demo();
    const { threads: t, dataDir } = await signedIn(server);
    const { accountId } = await callService(t, 'account:state');
    const writer = new Database(accountDbPath(dataDir, accountId ?? ''));
    cleanup.push(() => {
      writer.close();
    });
    writer.exec('BEGIN IMMEDIATE');
    writer.exec("UPDATE recordings SET title = 'not committed yet'");
    const page = await callService(t, 'search:query', { query: '' });
    // The last committed snapshot, not the uncommitted titles, and no wait for the lock.
    expect(page.total).toBe(40);
    expect(page.results.some((r) => r.title === 'not committed yet')).toBe(false);
    writer.exec('ROLLBACK');
  });

  it('searches come from the reader thread: with it gone they fail, the service still answers, and it comes back', async () => {
    const server = await demo();
    const { threads: t, events } = await signedIn(server);
    const restarted = events.next('service:restarted');
    await crash(t.threads().reader);
    const during = await t.call('search:query', { query: '' });
    const status = await callService(t, 'sync:status');
    expect(status.cached).toBe(40);
    await restarted;
    // Whether the search raced the restart or not, it never answered another account's data.
    if (!during.ok) expect(during.error.message).toBe(RESTARTED_MESSAGE);
    expect((await callService(t, 'search:query', { query: '' })).total).toBe(40);
  });

  it('a service thread that dies is started again: the queued edit is still there, the window is told', async () => {
    const server = await demo();
    const { threads: t, events } = await signedIn(server);
    // Offline, so the edit stays queued.
    t.setOsOnline(false);
    const uuid = (await callService(t, 'search:query', { query: '' })).results[0]?.uuid ?? '';
    const queued = (await callService(t, 'outbox:edit', {
      uuid,
      fields: { title: 'Kept across a crash' },
    })) as OutboxItem;
    expect(queued.status).toBe('pending');

    const restarted = events.next('service:restarted');
    // A call in flight when the thread dies answers that it did.
    server.latencyMs = 2_000;
    const inFlight = t.call('sync:now', {});
    await new Promise((r) => setTimeout(r, 200));
    await crash(t.threads().service);
    const answer = await inFlight;
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: RESTARTED_MESSAGE } });
    expect((await restarted).message).toBe(RESTARTED_MESSAGE);
    server.latencyMs = 0;

    // The same account, the same queue, the edit shown in the list (the reader sees the queue too).
    expect((await callService(t, 'account:state')).signedIn).toBe(true);
    const list = await callService(t, 'outbox:list');
    expect(list.map((i) => [i.uuid, i.fields.title])).toEqual([[uuid, 'Kept across a crash']]);
    const hits = (await callService(t, 'search:query', { query: '' })).results;
    expect(hits.find((h) => h.uuid === uuid)?.title).toBe('Kept across a crash');
  });

  it('gives up after three deaths within a minute and says so, rather than looping', async () => {
    const server = await demo();
    const { threads: t, events } = await signedIn(server);
    for (let i = 0; i < 2; i++) {
      const back = events.next('service:restarted', (p) => p.message === RESTARTED_MESSAGE);
      await crash(t.threads().service);
      await back;
    }
    const gaveUp = events.next('service:restarted', (p) => p.message !== RESTARTED_MESSAGE);
    await crash(t.threads().service);
    expect((await gaveUp).message).toMatch(/several times.*quit and start the app again/);
    const answer = await t.call('sync:status', {});
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/several times/);
  });

  it('makes every API request with the door’s fetch when the door has one (the app’s net.request)', async () => {
    const server = await demo();
    const urls: string[] = [];
    const doorFetch: typeof fetch = (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    };
    const { threads: t } = await signedIn(server, { fetch: doorFetch });
    expect(urls.some((u) => u.startsWith(`${server.url}/recordings`))).toBe(true);
    expect((await callService(t, 'search:query', { query: '' })).total).toBe(40);
  });

  it('signing out with the cache deleted leaves no reader on it: later reads say "not signed in"', async () => {
    const server = await demo();
    const { threads: t } = await signedIn(server);
    await callService(t, 'account:signOut', { deleteCache: true });
    const answer = await t.call('search:query', { query: '' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('not_signed_in');
  });
});

describe('when the service’s threads cannot start', () => {
  it('the service runs on the door’s thread instead, and the log says why', async () => {
    const server = await demo();
    const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-threads-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const errors: string[] = [];
    const events = new EventLog();
    const service = await startService({
      entries: { ...SOURCE_ENTRIES, service: new URL('./no-such-thread.ts', SOURCE_ENTRIES.service) },
      dataDir,
      host: 'browser',
      version: '0.0.0-test',
      secrets: new MemorySecretStore(),
      events: events.sink,
      openExternal: () => undefined,
      log: { ...quiet, error: (message) => errors.push(message) },
    });
    cleanup.push(() => service.close());
    expect(service).not.toBeInstanceOf(ServiceThreads);
    expect(errors).toContain(
      'The service’s threads could not start: the service runs on the main thread instead',
    );
    const synced = events.next('sync:status', (s) => !s.running && s.cached === 40);
    await callService(service, 'account:signIn', { apiUrl: server.url, token: server.adminToken });
    await synced;
    expect((await callService(service, 'search:query', { query: '' })).total).toBe(40);
  });
});
