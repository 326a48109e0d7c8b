import { afterEach, describe, expect, it } from 'vitest';
import { isApiError } from '../../src/main/api';
import { ProblemTracker } from '../../src/main/service/problems';
import { DELETED_MESSAGE, FORBIDDEN_MESSAGE } from '../../src/main/sync';
import { onServer, recordingFetch, someRecordings, tunedSession } from '../helpers/outbox-fixture';
import { withCacheOf } from '../helpers/session-cache';
import { syncFixture } from '../helpers/sync-fixture';
import type { SyncFixture } from '../helpers/sync-fixture';

let fx: SyncFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function synced(
  recordings = 60,
): Promise<{ fx: SyncFixture; session: ReturnType<SyncFixture['session']> }> {
  fx = await syncFixture({ recordings });
  const session = fx.session();
  await session.sync();
  return { fx, session };
}

describe('push: delivering queued edits', () => {
  it('sends edits in the order queued, only the changed fields, and the server answer becomes the cache', async () => {
    fx = await syncFixture({ recordings: 60 });
    const { fetch, sent } = recordingFetch();
    const session = tunedSession(fx, { fetch });
    await session.sync();
    const [a, b, c] = someRecordings(fx, 3, 5);
    session.queueEdit(c!.uuid, { title: 'Third recording, queued first' });
    session.queueEdit(a!.uuid, { summary: 'A summary written on the train' });
    session.queueEdit(b!.uuid, { title: 'Second', description: null });
    sent.length = 0;

    const result = await session.push();
    expect(result).toEqual({ pushed: 3, failed: 0, conflicts: 0, pending: 0, paused: false, retryAt: null });
    // GET before each PATCH, in queue order, with only the edited fields in each body.
    expect(sent.map((r) => `${r.method} ${r.path.split('/').pop()}`)).toEqual([
      `GET ${c!.uuid}`,
      `PATCH ${c!.uuid}`,
      `GET ${a!.uuid}`,
      `PATCH ${a!.uuid}`,
      `GET ${b!.uuid}`,
      `PATCH ${b!.uuid}`,
    ]);
    expect(sent.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { recording: { title: 'Third recording, queued first' } },
      { recording: { summary: 'A summary written on the train' } },
      { recording: { title: 'Second', description: null } },
    ]);
    expect(onServer(fx, c!.uuid).title).toBe('Third recording, queued first');
    expect(onServer(fx, a!.uuid).summary).toBe('A summary written on the train');
    expect(onServer(fx, b!.uuid)).toMatchObject({ title: 'Second', description: null, summary: b!.summary });
    // Done edits leave the queue; the cache holds the server's answer (its updated_at included).
    expect(session.outboxList()).toEqual([]);
    expect(session.outboxCounts()).toEqual({ pending: 0, failed: 0, conflict: 0 });
    expect(session.show(b!.uuid)).toEqual({
      recording: JSON.parse(JSON.stringify(onServer(fx, b!.uuid))),
      local: null,
    });
    expect(session.canEdit()).toBe(true);
    session.close();
  });

  it('an edit typed while its PATCH is in flight is sent too: the server ends with the latest value', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 3);
    session.queueEdit(r!.uuid, { title: 'First draft' });
    let typed = false;
    fx.server.onRequest = ({ method }) => {
      if (method === 'PATCH' && !typed) {
        typed = true;
        session.queueEdit(r!.uuid, { title: 'Final title', summary: 'And a summary' });
      }
    };
    const result = await session.push();
    expect(typed).toBe(true);
    expect(result).toMatchObject({ pushed: 1, conflicts: 0, pending: 0 });
    expect(onServer(fx, r!.uuid)).toMatchObject({ title: 'Final title', summary: 'And a summary' });
    expect(session.outboxList()).toEqual([]);
  });

  it('a PATCH that landed but whose answer was lost is not mistaken for a conflict later', async () => {
    const { fx } = await synced();
    const session = tunedSession(fx, { maxAttempts: 1 });
    const [r] = someRecordings(fx, 1, 8);
    session.queueEdit(r!.uuid, { title: 'Sent, answer lost' });
    // The server applies the PATCH, then the connection dies before the answer arrives.
    fx.server.onRequest = ({ method }) => {
      if (method !== 'PATCH') return;
      fx.server.data.update(r!.uuid, { title: 'Sent, answer lost' });
      fx.server.faults.add({ kind: 'drop', times: 1 });
    };
    const error = await session.push().catch((e: unknown) => e);
    expect(isApiError(error, 'network')).toBe(true);
    fx.server.onRequest = undefined;
    expect(session.outboxList().map((i) => i.status)).toEqual(['pending']);

    // A further edit before the next push: the server holds our own earlier value, not someone else's.
    session.queueEdit(r!.uuid, { title: 'Edited again' });
    expect(await session.push()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(onServer(fx, r!.uuid).title).toBe('Edited again');
    session.close();
  });

  it('sync pushes first and counts what it pushed, failed and found in conflict', async () => {
    const { fx, session } = await synced();
    const [ok, gone, changed] = someRecordings(fx, 3, 10);
    session.queueEdit(ok!.uuid, { title: 'Goes through' });
    session.queueEdit(gone!.uuid, { title: 'Deleted meanwhile' });
    session.queueEdit(changed!.uuid, { title: 'Mine' });
    fx.server.data.remove(gone!.uuid);
    fx.server.data.update(changed!.uuid, { title: 'Theirs' });

    const summary = await session.sync();
    expect(summary).toMatchObject({ pushed: 1, failed: 1, conflicts: 1 });
    expect(onServer(fx, ok!.uuid).title).toBe('Goes through');
    // The pull that follows never overwrites what the user still sees of a queued edit.
    expect(session.show(changed!.uuid)?.recording['title']).toBe('Mine');
  });
});

describe('push: conflicts with another writer', () => {
  it('a second writer changed the same field: conflict, nothing sent, both values kept for the user', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 12);
    const original = r!.title;
    // A colleague's laptop: another cache, same account.
    const colleague = tunedSession(fx, { dataDir: `${fx.dataDir}-colleague` });
    await colleague.sync();
    session.queueEdit(r!.uuid, { title: 'My title', summary: 'My summary' });
    colleague.queueEdit(r!.uuid, { title: 'Their title' });
    expect(await colleague.push()).toMatchObject({ pushed: 1 });

    const patchesBefore = fx.server.requests.filter((q) => q.method === 'PATCH').length;
    // What the app reports as a new problem (an 'outbox:problem' event, a notification).
    const problems = new ProblemTracker();
    problems.prime(session.outboxList());
    const result = await session.push();
    expect(result).toMatchObject({ pushed: 0, conflicts: 1, pending: 0 });
    expect(problems.newProblems(session.outboxList()).map((item) => item.status)).toEqual(['conflict']);
    expect(fx.server.requests.filter((q) => q.method === 'PATCH')).toHaveLength(patchesBefore);
    expect(onServer(fx, r!.uuid).title).toBe('Their title');

    const [item] = session.outboxList();
    expect(item).toMatchObject({
      status: 'conflict',
      fields: { title: 'My title', summary: 'My summary' },
      base: { title: original, summary: r!.summary },
      theirs: { title: 'Their title', summary: r!.summary },
    });
    expect(item!.error).toMatch(/changed on the server.*title/i);
    // The user still sees what they typed.
    expect(session.show(r!.uuid)?.recording['title']).toBe('My title');

    // Retrying checks again, and the server still differs.
    session.retryEdit(item!.id);
    expect(await session.push()).toMatchObject({ conflicts: 1 });

    // Keep mine: re-queued on top of their value, then sent.
    session.resolveEdit(item!.id, 'keep-mine');
    expect(session.outboxList()[0]).toMatchObject({ status: 'pending', base: { title: 'Their title' } });
    expect(await session.push()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(onServer(fx, r!.uuid)).toMatchObject({ title: 'My title', summary: 'My summary' });
    colleague.close();
  });

  it('take theirs drops the edit and shows the server value', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 14);
    session.queueEdit(r!.uuid, { summary: 'Mine' });
    fx.server.data.update(r!.uuid, { summary: 'Theirs' });
    await session.push();
    const [item] = session.outboxList();
    expect(item?.status).toBe('conflict');
    session.resolveEdit(item!.id, 'take-theirs');
    expect(session.outboxList()).toEqual([]);
    expect(session.show(r!.uuid)).toMatchObject({ recording: { summary: 'Theirs' }, local: null });
    expect(onServer(fx, r!.uuid).summary).toBe('Theirs');
  });

  it('a change to another field, or to the same value, is not a conflict', async () => {
    const { fx, session } = await synced();
    const [a, b] = someRecordings(fx, 2, 16);
    session.queueEdit(a!.uuid, { title: 'Mine' });
    session.queueEdit(b!.uuid, { title: 'Same as theirs' });
    fx.server.data.update(a!.uuid, { summary: 'Their summary' });
    fx.server.data.update(b!.uuid, { title: 'Same as theirs' });
    expect(await session.push()).toMatchObject({ pushed: 2, conflicts: 0 });
    expect(onServer(fx, a!.uuid)).toMatchObject({ title: 'Mine', summary: 'Their summary' });
  });
});

describe('push: outcomes of refused and failed requests', () => {
  it('5xx keeps the edit pending with a backoff; an automatic push waits for it, a manual one retries', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 20);
    const before = onServer(fx, r!.uuid).title;
    session.queueEdit(r!.uuid, { title: 'After the outage' });
    fx.server.faults.add({ kind: 'status', status: 503, method: 'PATCH' });
    const result = await session.push();
    expect(result).toMatchObject({ pushed: 0, failed: 0, pending: 1, paused: false });
    expect(result.retryAt).toBeGreaterThan(Date.now());
    const [item] = session.outboxList();
    expect(item).toMatchObject({ status: 'pending', attempts: 1 });
    expect(item!.error).toMatch(/503/);
    expect(onServer(fx, r!.uuid).title).toBe(before);

    // Not due yet: an automatic push leaves it alone and sends nothing.
    fx.server.faults.clear();
    const requests = fx.server.requests.length;
    expect(await session.push({ onlyDue: true })).toMatchObject({ pushed: 0, pending: 1 });
    expect(fx.server.requests.length).toBe(requests);

    expect(await session.push()).toMatchObject({ pushed: 1, pending: 0, retryAt: null });
    expect(onServer(fx, r!.uuid).title).toBe('After the outage');
  });

  it('429 keeps the edit pending and stops the run: the rest waits, in order', async () => {
    const { fx, session } = await synced();
    const [a, b] = someRecordings(fx, 2, 22);
    session.queueEdit(a!.uuid, { title: 'First' });
    session.queueEdit(b!.uuid, { title: 'Second' });
    fx.server.faults.add({ kind: 'rate-limit', retryAfter: '120' });
    const result = await session.push();
    expect(result).toMatchObject({ pushed: 0, pending: 2 });
    // The server asked for two minutes: the edit is not due before that.
    expect(result.retryAt).toBeGreaterThanOrEqual(Date.now() + 100_000);
    expect(fx.server.requests.filter((q) => q.path.endsWith(b!.uuid))).toEqual([]);
    fx.server.faults.clear();
    expect(await session.push()).toMatchObject({ pushed: 2 });
  });

  it('a Retry-After longer than the client waits: one request, every edit waits the whole time, none failed', async () => {
    const { fx, session } = await synced();
    const [a, b] = someRecordings(fx, 2, 30);
    session.queueEdit(a!.uuid, { title: 'First, rate limited' });
    session.queueEdit(b!.uuid, { title: 'Second, waits too' });
    const requests = fx.server.requests.length;
    fx.server.faults.add({ kind: 'rate-limit', retryAfter: '7200', times: 1 });
    const before = Date.now();
    const result = await session.push();
    // Asked once, not again after the client's 60 s cap.
    expect(fx.server.requests.length - requests).toBe(1);
    expect(result).toMatchObject({ pushed: 0, failed: 0, conflicts: 0, pending: 2, paused: false });
    expect(result.rateLimitedUntil).toBeGreaterThanOrEqual(before + 7_200_000);
    expect(result.rateLimitedUntil).toBeLessThanOrEqual(Date.now() + 7_200_000 + 1_000);
    // Neither edit is due before the server's time, the one not yet tried included.
    expect(result.retryAt).toBeGreaterThanOrEqual(before + 7_200_000);
    expect(session.outboxList().map((i) => i.status)).toEqual(['pending', 'pending']);
    expect(await session.push({ onlyDue: true })).toMatchObject({ pushed: 0, pending: 2 });
    expect(fx.server.requests.length - requests).toBe(1);
    // The user's own "push now" still goes (the server lifted the limit here).
    expect(await session.push()).toMatchObject({ pushed: 2, pending: 0 });
  });

  it('unreachable or too slow: push throws and the queue is exactly as it was', async () => {
    const { fx, session } = await synced();
    const [a, b] = someRecordings(fx, 2, 24);
    session.queueEdit(a!.uuid, { title: 'A' });
    session.queueEdit(b!.uuid, { summary: 'B, offline' });
    const before = session.outboxList();

    const slow = tunedSession(fx, { timeoutMs: 150, maxAttempts: 2 });
    fx.server.faults.add({ kind: 'slow', delayMs: 400 });
    const timedOut = await slow.push().catch((e: unknown) => e);
    expect(isApiError(timedOut, 'timeout')).toBe(true);
    expect(slow.outboxList()).toEqual(before);
    slow.close();
    fx.server.faults.clear();

    await fx.server.close();
    const error = await session.push().catch((e: unknown) => e);
    expect(isApiError(error, 'network')).toBe(true);
    expect(session.outboxList()).toEqual(before);
    const syncError = await session.sync().catch((e: unknown) => e);
    expect(isApiError(syncError, 'network')).toBe(true);
    expect(session.outboxList()).toEqual(before);
  });

  it('401 pauses the queue and asks for a token; nothing is dropped, and it resumes once a request succeeds', async () => {
    const { fx, session } = await synced();
    const [a, b] = someRecordings(fx, 2, 26);
    session.queueEdit(a!.uuid, { title: 'A' });
    session.queueEdit(b!.uuid, { title: 'B' });
    const before = session.outboxList();
    fx.server.faults.add({ kind: 'status', status: 401, body: '{"error":"Invalid API token"}' });
    expect(await session.push()).toMatchObject({ pushed: 0, failed: 0, pending: 2, paused: true });
    expect(session.needsToken()).toBe(true);
    expect(session.outboxList()).toEqual(before);
    expect(fx.server.requests.filter((q) => q.method === 'PATCH')).toEqual([]);

    fx.server.faults.clear();
    expect(await session.push()).toMatchObject({ pushed: 2, paused: false });
    expect(session.needsToken()).toBe(false);
  });

  it('after a 401, a sign-in with a new token can bring the queued edits along', async () => {
    fx = await syncFixture({ recordings: 120 });
    // The old token (here the member's) is rejected while edits wait in its cache.
    const old = fx.session(fx.server.memberToken);
    await old.sync();
    const [a, b] = withCacheOf(old, (cache) => cache.recordings.allUuids());
    old.queueEdit(a!, { title: 'Typed under the old token' });
    old.queueEdit(b!, { summary: 'Also waiting' });
    fx.server.faults.add({ kind: 'status', status: 401, body: '{"error":"Invalid API token"}' });
    expect(await old.push()).toMatchObject({ paused: true, pending: 2 });
    fx.server.faults.clear();
    const oldId = old.accountId;
    old.close();

    const renewed = fx.session(fx.server.adminToken);
    await renewed.sync();
    expect(renewed.adoptEditsFrom(oldId)).toBe(2);
    expect(renewed.outboxList().map((i) => [i.uuid, i.status])).toEqual([
      [a, 'pending'],
      [b, 'pending'],
    ]);
    expect(await renewed.push()).toMatchObject({ pushed: 2 });
    expect(onServer(fx, a!).title).toBe('Typed under the old token');
    expect(onServer(fx, b!).summary).toBe('Also waiting');
    // Moved, not copied: the old cache holds nothing more to send.
    expect(fx.session(fx.server.memberToken).outboxList()).toEqual([]);
  });

  it('403: the edit fails with "only admins can edit recordings" and the account is remembered as unable to edit', async () => {
    fx = await syncFixture({ recordings: 120 });
    const member = fx.session(fx.server.memberToken);
    await member.sync();
    const own = withCacheOf(member, (cache) => cache.recordings.allUuids())[0]!;
    expect(member.canEdit()).toBeNull();
    member.queueEdit(own, { title: 'A member tries' });
    const result = await member.push();
    expect(result).toMatchObject({ pushed: 0, failed: 1 });
    const [item] = member.outboxList();
    expect(item).toMatchObject({ status: 'failed', error: FORBIDDEN_MESSAGE });
    expect(item!.error).toMatch(/only admins can edit recordings/i);
    expect(member.canEdit()).toBe(false);
    // Remembered in the cache: a new session knows before the next edit.
    const again = fx.session(fx.server.memberToken);
    expect(again.canEdit()).toBe(false);
    // Still kept for the user, who may discard it.
    member.discardEdit(item!.id);
    expect(member.outboxList()).toEqual([]);
    expect(member.show(own)?.recording['title']).toBe(onServer(fx, own).title);
  });

  it('404: deleted on the server', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 28);
    session.queueEdit(r!.uuid, { title: 'Too late' });
    fx.server.data.remove(r!.uuid);
    expect(await session.push()).toMatchObject({ failed: 1 });
    expect(session.outboxList()[0]).toMatchObject({ status: 'failed', error: DELETED_MESSAGE });
    expect(session.outboxList()[0]!.error).toMatch(/deleted on the server/);
  });

  it("422 keeps the server's own message; fixing the edit re-queues it", async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 30);
    session.queueEdit(r!.uuid, { title: 'Contains a word the server dislikes' });
    // A rule the spec does not state, with Screendesk's documented error shape.
    fx.server.faults.add({
      kind: 'status',
      status: 422,
      method: 'PATCH',
      times: 1,
      body: '{"error":{"message":"Title must not mention competitors","code":"invalid_title"}}',
    });
    expect(await session.push()).toMatchObject({ failed: 1 });
    const [item] = session.outboxList();
    expect(item).toMatchObject({ status: 'failed', error: 'Title must not mention competitors' });

    const fixed = session.queueEdit(r!.uuid, { title: 'A neutral title' });
    expect(fixed).toMatchObject({ id: item!.id, status: 'pending', error: null });
    expect(await session.push()).toMatchObject({ pushed: 1 });
    expect(onServer(fx, r!.uuid).title).toBe('A neutral title');
  });

  it('a failed edit can be retried as is', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 32);
    session.queueEdit(r!.uuid, { description: 'Notes' });
    fx.server.faults.add({
      kind: 'status',
      status: 422,
      method: 'PATCH',
      times: 1,
      body: '{"error":"Try later"}',
    });
    await session.push();
    const [item] = session.outboxList();
    expect(item?.status).toBe('failed');
    session.retryEdit(item!.id);
    expect(session.outboxList()[0]).toMatchObject({ status: 'pending', error: null });
    expect(await session.push()).toMatchObject({ pushed: 1 });
    expect(onServer(fx, r!.uuid).description).toBe('Notes');
  });

  it('a cancelled push leaves the edit pending', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 34);
    session.queueEdit(r!.uuid, { title: 'Later' });
    const controller = new AbortController();
    fx.server.onRequest = () => controller.abort();
    const error = await session.push({ signal: controller.signal }).catch((e: unknown) => e);
    expect(isApiError(error, 'cancelled')).toBe(true);
    expect(session.outboxList()[0]?.status).toBe('pending');
  });
});
