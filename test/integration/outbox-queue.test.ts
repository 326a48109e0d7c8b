import { afterEach, describe, expect, it } from 'vitest';
import { isOutboxError } from '../../src/main/outbox';
import { OutboxCounts, OutboxItem, RecordingDetail } from '../../src/shared/contract';
import { onServer, someRecordings } from '../helpers/outbox-fixture';
import { syncFixture } from '../helpers/sync-fixture';
import type { SyncFixture } from '../helpers/sync-fixture';

let fx: SyncFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

function refusal(fn: () => unknown): { code: string; message: string } | undefined {
  try {
    fn();
  } catch (e) {
    if (isOutboxError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  return undefined;
}

describe('queuing edits (offline)', () => {
  it('shows the new text at once, marked pending, without a request, and keeps it across restarts', async () => {
    fx = await syncFixture({ recordings: 50 });
    const session = fx.session();
    await session.sync();
    const [r] = someRecordings(fx, 1, 4);
    const requests = fx.server.requests.length;
    await fx.server.close(); // on the train

    const item = session.queueEdit(r!.uuid, { title: 'Fixed on the train', summary: null });
    expect(item).toMatchObject({
      uuid: r!.uuid,
      recordingTitle: r!.title,
      status: 'pending',
      fields: { title: 'Fixed on the train', summary: null },
      base: { title: r!.title, summary: r!.summary },
      theirs: null,
      error: null,
      attempts: 0,
    });
    expect(fx.server.requests.length).toBe(requests);
    const shown = session.show(r!.uuid);
    expect(shown?.recording).toMatchObject({ title: 'Fixed on the train', summary: null });
    expect(shown?.recording['description']).toEqual(r!.description);
    expect(shown?.local).toEqual(item);
    expect(session.outboxCounts()).toEqual({ pending: 1, failed: 0, conflict: 0 });

    // A restart (another process, even): the edit is on disk.
    session.close();
    const reopened = fx.session();
    expect(reopened.outboxList()).toEqual([item]);
    expect(reopened.show(r!.uuid)?.recording['title']).toBe('Fixed on the train');
  });

  it('later edits merge into the open one; only fields that differ from what is shown are kept', async () => {
    fx = await syncFixture({ recordings: 50 });
    const session = fx.session();
    await session.sync();
    const [r, other] = someRecordings(fx, 2, 6);
    const first = session.queueEdit(r!.uuid, { title: 'Draft' })!;
    session.queueEdit(other!.uuid, { title: 'Another recording' });
    session.queueEdit(r!.uuid, { summary: 'Summary added later' });
    // Same value as shown: nothing changes (the title stays, the description is not added).
    session.queueEdit(r!.uuid, { title: 'Draft', description: r!.description ?? null });
    const merged = session.queueEdit(r!.uuid, { title: 'Final' })!;

    expect(merged.id).toBe(first.id);
    expect(merged.fields).toEqual({ title: 'Final', summary: 'Summary added later' });
    // Each field remembers the server value it was first edited from.
    expect(merged.base).toEqual({ title: r!.title, summary: r!.summary });
    expect(merged.createdAt).toBe(first.createdAt);
    // Still in the place it was first queued.
    expect(session.outboxList().map((i) => i.uuid)).toEqual([r!.uuid, other!.uuid]);
  });

  it('search results show the queued title and summary, and mark the recording edited', async () => {
    fx = await syncFixture({ recordings: 50 });
    const session = fx.session();
    await session.sync();
    const [r, untouched] = someRecordings(fx, 2, 7);
    session.queueEdit(r!.uuid, { title: 'Queued title', summary: '   ' });
    const hits = session.search({ query: '', limit: 100 }).results;
    expect(hits.find((h) => h.uuid === r!.uuid)).toMatchObject({
      title: 'Queued title',
      summary: '   ',
      has_summary: false,
      edited: true,
    });
    expect(hits.find((h) => h.uuid === untouched!.uuid)).toMatchObject({
      title: untouched!.title,
      edited: false,
    });
  });

  it('produces exactly the IPC contract shapes, also for a recording whose server title is null', async () => {
    fx = await syncFixture({ recordings: 120 });
    const session = fx.session();
    await session.sync();
    const untitled = fx.server.data.list().find((r) => r.title === null);
    expect(untitled, 'the demo data has untitled recordings').toBeDefined();
    const [titled] = someRecordings(fx, 1, 3);
    session.queueEdit(titled!.uuid, { summary: 'S' });
    fx.server.data.update(titled!.uuid, { summary: 'Someone else' });
    expect(await session.push()).toMatchObject({ conflicts: 1 });
    session.queueEdit(untitled!.uuid as string, { title: 'Finally a title', description: null });

    const list = session.outboxList();
    expect(list.map((i) => i.status).sort()).toEqual(['conflict', 'pending'].sort());
    expect(OutboxItem.array().parse(list)).toEqual(list);
    expect(OutboxCounts.parse(session.outboxCounts())).toEqual(session.outboxCounts());
    for (const uuid of [untitled!.uuid as string, titled!.uuid]) {
      const detail = session.show(uuid);
      expect(RecordingDetail.parse(detail)).toEqual(detail);
    }
  });

  it('an edit equal to the server copy is refused as having nothing to change', async () => {
    fx = await syncFixture({ recordings: 50 });
    const session = fx.session();
    await session.sync();
    const [r] = someRecordings(fx, 1, 8);
    expect(refusal(() => session.queueEdit(r!.uuid, { title: r!.title! }))).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/nothing to change/i),
    });
    expect(session.outboxList()).toEqual([]);
  });

  it('checks what the spec requires before queuing, with a clear message', async () => {
    fx = await syncFixture({ recordings: 50 });
    const session = fx.session();
    await session.sync();
    const [r] = someRecordings(fx, 1, 9);
    const cases: [unknown, RegExp][] = [
      [{ title: '' }, /title can't be blank/i],
      [{ title: ' \t\u00a0\u2003' }, /title can't be blank/i],
      [{ title: null }, /title can't be blank/i],
      [{ title: 'x'.repeat(256) }, /too long: 256 characters, at most 255/],
      [{ title: 42 }, /title must be text/i],
      [{ summary: 7 }, /summary must be text or null/i],
      [{ description: ['a'] }, /description must be text or null/i],
      [{ uuid: 'x' }, /only title, summary and description/i],
      [{}, /nothing to change/i],
      ['a title', /must name the fields/i],
    ];
    for (const [fields, message] of cases) {
      const refused = refusal(() => session.queueEdit(r!.uuid, fields as never));
      expect(refused?.code, JSON.stringify(fields)).toBe('validation');
      expect(refused?.message, JSON.stringify(fields)).toMatch(message);
    }
    expect(session.outboxList()).toEqual([]);

    // Characters, not UTF-16 units: 255 emoji are a valid title; summary and description may be empty or null.
    expect(
      session.queueEdit(r!.uuid, { title: '🎬'.repeat(255), summary: '', description: null })?.status,
    ).toBe('pending');
    expect(
      refusal(() => session.queueEdit('00000000-0000-4000-8000-00000000dead', { title: 'x' })),
    ).toMatchObject({ code: 'not_found', message: expect.stringMatching(/sync first/) });
  });

  it('a sync never overwrites what a queued edit shows, and still brings the server changes to the rest', async () => {
    fx = await syncFixture({ recordings: 50 });
    const session = fx.session(fx.server.adminToken, 1);
    await session.sync();
    const [r] = someRecordings(fx, 1, 10);
    session.queueEdit(r!.uuid, { title: 'Mine, waiting' });
    // The server cannot take the edit right now, but lists fine; meanwhile someone changed the summary.
    fx.server.faults.add({ kind: 'status', status: 503, path: new RegExp(`${r!.uuid}$`) });
    fx.server.data.update(r!.uuid, { summary: 'Server-side summary' });
    const summary = await session.sync();
    expect(summary).toMatchObject({ pushed: 0, updated: 1 });
    const shown = session.show(r!.uuid);
    expect(shown?.recording).toMatchObject({ title: 'Mine, waiting', summary: 'Server-side summary' });
    expect(shown?.local?.status).toBe('pending');
  });

  it('discard shows the server value again; deciding on unknown or unsuitable edits is refused', async () => {
    fx = await syncFixture({ recordings: 50 });
    const session = fx.session();
    await session.sync();
    const [r] = someRecordings(fx, 1, 11);
    const item = session.queueEdit(r!.uuid, { title: 'Never mind' })!;
    expect(refusal(() => session.resolveEdit(item.id, 'keep-mine'))).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/not a conflict/),
    });
    session.discardEdit(item.id);
    expect(session.show(r!.uuid)).toEqual({
      recording: JSON.parse(JSON.stringify(onServer(fx, r!.uuid))),
      server: JSON.parse(JSON.stringify(onServer(fx, r!.uuid))),
      local: null,
    });
    for (const fn of [
      () => session.discardEdit(item.id),
      () => session.retryEdit(item.id),
      () => session.resolveEdit(999, 'take-theirs'),
    ]) {
      expect(refusal(fn)).toMatchObject({ code: 'not_found' });
    }
  });
});
