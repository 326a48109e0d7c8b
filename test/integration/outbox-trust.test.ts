// Issue 11 ("Trust"), the edit half: an edit is measured against what the user saw, conflicts are per
// field and so are the decisions, a field set back to what it was leaves the edit, and refusals that
// concern the whole account (401, 403 on the GET, a 404 that is not the API's) pause the queue instead of
// failing every edit. Real demo server, real SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { DELETED_MESSAGE } from '../../src/main/sync';
import { onServer, recordingFetch, someRecordings, tunedSession } from '../helpers/outbox-fixture';
import { syncFixture } from '../helpers/sync-fixture';
import type { SyncFixture } from '../helpers/sync-fixture';

let fx: SyncFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function synced(): Promise<{ fx: SyncFixture; session: ReturnType<SyncFixture['session']> }> {
  fx = await syncFixture({ recordings: 60 });
  const session = fx.session();
  await session.sync();
  return { fx, session };
}

/** What the editor showed when it opened: the three fields of the cached recording. */
function opened(session: ReturnType<SyncFixture['session']>, uuid: string) {
  const r = session.show(uuid)!.recording;
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return { title: text(r['title']), summary: text(r['summary']), description: text(r['description']) };
}

function editedHits(session: ReturnType<SyncFixture['session']>): string[] {
  return session.search({ query: 'is:edited', limit: 100 }).results.map((h) => h.uuid);
}

describe('edits measured against what the user saw', () => {
  it('a colleague changed the summary while the editor was open; a title-only save leaves their summary', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 4);
    const seen = opened(session, r!.uuid);
    // A background sync brings the colleague's summary while the admin types.
    fx.server.data.update(r!.uuid, { summary: 'The colleague’s new summary' });
    await session.sync();
    session.queueEdit(r!.uuid, { title: 'Only the title changed' }, seen);
    expect(await session.push()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(onServer(fx, r!.uuid)).toMatchObject({
      title: 'Only the title changed',
      summary: 'The colleague’s new summary',
    });
  });

  it('both changed the same field: a conflict with both values, the colleague’s value stays on the server', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 6);
    const seen = opened(session, r!.uuid);
    fx.server.data.update(r!.uuid, { summary: 'Colleague’s summary' });
    await session.sync(); // the cache now holds the colleague's summary; the editor still shows the old one
    session.queueEdit(r!.uuid, { summary: 'Admin’s summary' }, seen);
    const patches = fx.server.requests.filter((q) => q.method === 'PATCH').length;
    expect(await session.push()).toMatchObject({ pushed: 0, conflicts: 1 });
    expect(fx.server.requests.filter((q) => q.method === 'PATCH')).toHaveLength(patches);
    expect(onServer(fx, r!.uuid).summary).toBe('Colleague’s summary');
    expect(session.outboxList()[0]).toMatchObject({
      status: 'conflict',
      fields: { summary: 'Admin’s summary' },
      base: { summary: seen.summary },
      theirs: { summary: 'Colleague’s summary' },
      conflicts: ['summary'],
    });
  });

  it('a field already queued keeps the base it was first edited from', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 8);
    const first = opened(session, r!.uuid);
    session.queueEdit(r!.uuid, { title: 'First try' }, first);
    // The editor opens again on the queued edit, which shows "First try".
    const second = opened(session, r!.uuid);
    expect(second.title).toBe('First try');
    session.queueEdit(r!.uuid, { title: 'Second try', description: 'Added later' }, second);
    expect(session.outboxList()[0]).toMatchObject({
      fields: { title: 'Second try', description: 'Added later' },
      base: { title: first.title, description: first.description },
    });
  });

  it('sdesk-style edits without started-from values take their base from the cache', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 9);
    fx.server.data.update(r!.uuid, { summary: 'Synced before the edit' });
    await session.sync();
    session.queueEdit(r!.uuid, { summary: 'Typed after show' });
    expect(session.outboxList()[0]).toMatchObject({ base: { summary: 'Synced before the edit' } });
    expect(await session.push()).toMatchObject({ pushed: 1 });
    expect(onServer(fx, r!.uuid).summary).toBe('Typed after show');
  });
});

describe('per-field conflicts and decisions', () => {
  it('take theirs settles only the conflicting field: the rest of the edit stays queued and goes out', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 12);
    session.queueEdit(r!.uuid, { title: 'My title', summary: 'My summary' });
    fx.server.data.update(r!.uuid, { summary: 'Their summary' });
    expect(await session.push()).toMatchObject({ conflicts: 1 });
    const [item] = session.outboxList();
    expect(item).toMatchObject({ status: 'conflict', conflicts: ['summary'] });

    session.resolveEdit(item!.id, 'take-theirs');
    expect(session.outboxList()).toEqual([
      expect.objectContaining({ id: item!.id, status: 'pending', fields: { title: 'My title' } }),
    ]);
    expect(session.show(r!.uuid)?.recording).toMatchObject({ title: 'My title', summary: 'Their summary' });
    expect(await session.push()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(onServer(fx, r!.uuid)).toMatchObject({ title: 'My title', summary: 'Their summary' });
  });

  it('take theirs when every field conflicts drops the edit', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 13);
    session.queueEdit(r!.uuid, { title: 'Mine' });
    fx.server.data.update(r!.uuid, { title: 'Theirs' });
    await session.push();
    session.resolveEdit(session.outboxList()[0]!.id, 'take-theirs');
    expect(session.outboxList()).toEqual([]);
    expect(editedHits(session)).not.toContain(r!.uuid);
  });

  it('keep mine overrides only the conflicting field: a later change to another field still conflicts', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 14);
    const original = onServer(fx, r!.uuid);
    session.queueEdit(r!.uuid, { title: 'My title', summary: 'My summary' });
    fx.server.data.update(r!.uuid, { title: 'Their title' });
    expect(await session.push()).toMatchObject({ conflicts: 1 });
    const [item] = session.outboxList();
    expect(item).toMatchObject({ conflicts: ['title'] });

    session.resolveEdit(item!.id, 'keep-mine');
    expect(session.outboxList()[0]).toMatchObject({
      status: 'pending',
      conflicts: [],
      base: { title: 'Their title', summary: original.summary },
    });
    // Before the next push a colleague changes the summary: keeping my title did not cover that.
    fx.server.data.update(r!.uuid, { summary: 'A later summary of theirs' });
    expect(await session.push()).toMatchObject({ pushed: 0, conflicts: 1 });
    expect(session.outboxList()[0]).toMatchObject({ conflicts: ['summary'] });
    expect(onServer(fx, r!.uuid)).toMatchObject({
      title: 'Their title',
      summary: 'A later summary of theirs',
    });
  });
});

describe('no-op edits', () => {
  it('a field set back to its base leaves the edit; the other fields stay', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 16);
    const seen = opened(session, r!.uuid);
    session.queueEdit(r!.uuid, { title: 'Changed', summary: 'Also changed' }, seen);
    session.queueEdit(r!.uuid, { title: seen.title! }, opened(session, r!.uuid));
    expect(session.outboxList()).toEqual([
      expect.objectContaining({ fields: { summary: 'Also changed' }, base: { summary: seen.summary } }),
    ]);
    const { fetch, sent } = recordingFetch();
    const pusher = tunedSession(fx, { fetch });
    expect(await pusher.push()).toMatchObject({ pushed: 1 });
    expect(sent.filter((q) => q.method === 'PATCH').map((q) => q.body)).toEqual([
      { recording: { summary: 'Also changed' } },
    ]);
    pusher.close();
  });

  it('an edit with every field set back is gone: not pushed, not is:edited, no later conflict', async () => {
    const { fx, session } = await synced();
    const [r] = someRecordings(fx, 1, 18);
    const seen = opened(session, r!.uuid);
    session.queueEdit(r!.uuid, { title: 'Briefly changed' }, seen);
    expect(editedHits(session)).toContain(r!.uuid);

    const left = session.queueEdit(r!.uuid, { title: seen.title! }, opened(session, r!.uuid));
    expect(left).toBeNull();
    expect(session.outboxList()).toEqual([]);
    expect(session.outboxCounts()).toEqual({ pending: 0, failed: 0, conflict: 0 });
    expect(editedHits(session)).not.toContain(r!.uuid);
    expect(session.show(r!.uuid)?.local).toBeNull();

    // A colleague's later change is simply theirs: nothing of ours is left to collide with it.
    fx.server.data.update(r!.uuid, { title: 'A colleague renamed it' });
    const patches = fx.server.requests.filter((q) => q.method === 'PATCH').length;
    expect(await session.sync()).toMatchObject({ pushed: 0, failed: 0, conflicts: 0 });
    expect(fx.server.requests.filter((q) => q.method === 'PATCH')).toHaveLength(patches);
    expect(session.show(r!.uuid)?.recording['title']).toBe('A colleague renamed it');
  });
});

describe('account-wide refusals pause the queue', () => {
  const HTML_404 = '<!doctype html><html><body><h1>404 Not Found</h1><p>nginx</p></body></html>';

  it('403 on the GET before a PATCH: paused with one account problem, nothing failed; resumes once access returns', async () => {
    const { fx, session } = await synced();
    const [a, b] = someRecordings(fx, 2, 20);
    session.queueEdit(a!.uuid, { title: 'A' });
    session.queueEdit(b!.uuid, { title: 'B' });
    fx.server.faults.add({
      kind: 'status',
      status: 403,
      method: 'GET',
      body: '{"error":"API access is not enabled for this account"}',
    });
    const result = await session.push();
    expect(result).toMatchObject({ pushed: 0, failed: 0, conflicts: 0, pending: 2, paused: true });
    expect(session.outboxList().map((i) => [i.status, i.error])).toEqual([
      ['pending', null],
      ['pending', null],
    ]);
    expect(session.queuePause()).toMatchObject({ reason: 'refused' });
    expect(session.queuePause()?.message).toMatch(/403/);
    // One probe per run while paused, not one refused request per edit.
    expect(fx.server.requests.filter((q) => q.path.endsWith(b!.uuid))).toEqual([]);
    expect(session.needsToken()).toBe(false);

    // Access comes back: the next scheduled sync pushes first and the queue goes out by itself.
    fx.server.faults.clear();
    expect(await session.sync()).toMatchObject({ pushed: 2, failed: 0 });
    expect(session.queuePause()).toBeNull();
    expect(onServer(fx, a!.uuid).title).toBe('A');
    expect(onServer(fx, b!.uuid).title).toBe('B');
  });

  it('a 404 that is a proxy page, not the API: paused, not "deleted on the server"', async () => {
    const { fx, session } = await synced();
    const [a, b] = someRecordings(fx, 2, 24);
    session.queueEdit(a!.uuid, { title: 'A' });
    session.queueEdit(b!.uuid, { summary: 'B' });
    fx.server.faults.add({ kind: 'status', status: 404, body: HTML_404, contentType: 'text/html' });
    expect(await session.push()).toMatchObject({ pushed: 0, failed: 0, paused: true, pending: 2 });
    expect(session.outboxList().map((i) => i.status)).toEqual(['pending', 'pending']);
    expect(session.outboxList().map((i) => i.error)).not.toContain(DELETED_MESSAGE);
    expect(session.queuePause()?.message).toMatch(/404/);

    fx.server.faults.clear();
    expect(await session.push()).toMatchObject({ pushed: 2, paused: false });
    expect(session.queuePause()).toBeNull();
  });

  it('a 404 on the PATCH that is not the API’s JSON pauses too', async () => {
    const { fx, session } = await synced();
    const [a] = someRecordings(fx, 1, 26);
    session.queueEdit(a!.uuid, { title: 'A' });
    fx.server.faults.add({
      kind: 'status',
      status: 404,
      method: 'PATCH',
      body: 'Not Found',
      contentType: 'text/plain',
    });
    expect(await session.push()).toMatchObject({ failed: 0, paused: true, pending: 1 });
    expect(session.outboxList()[0]).toMatchObject({ status: 'pending' });
  });

  it("the API's own 404 for the recording still marks that edit deleted on the server", async () => {
    const { fx, session } = await synced();
    const [gone, kept] = someRecordings(fx, 2, 28);
    session.queueEdit(gone!.uuid, { title: 'Too late' });
    session.queueEdit(kept!.uuid, { title: 'Still fine' });
    fx.server.data.remove(gone!.uuid);
    expect(await session.push()).toMatchObject({ pushed: 1, failed: 1, paused: false });
    expect(session.outboxList()).toEqual([
      expect.objectContaining({ uuid: gone!.uuid, status: 'failed', error: DELETED_MESSAGE }),
    ]);
    expect(session.queuePause()).toBeNull();
  });

  it('401 pauses with the token problem (needsToken) and no edit fails', async () => {
    const { fx, session } = await synced();
    const [a] = someRecordings(fx, 1, 30);
    session.queueEdit(a!.uuid, { title: 'A' });
    fx.server.faults.add({ kind: 'status', status: 401, body: '{"error":"Invalid API token"}' });
    expect(await session.push()).toMatchObject({ paused: true, failed: 0, pending: 1 });
    expect(session.needsToken()).toBe(true);
    expect(session.queuePause()).toMatchObject({ reason: 'token' });
    fx.server.faults.clear();
    expect(await session.push()).toMatchObject({ pushed: 1, paused: false });
    expect(session.queuePause()).toBeNull();
  });
});
