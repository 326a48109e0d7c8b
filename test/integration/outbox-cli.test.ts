import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../src/main/demo';
import type { Recording } from '../../src/shared/screendesk-api';
import { startOutboxProxy } from '../helpers/outbox-proxy';
import { syncedCliFixture } from '../helpers/cli-fixture';
import type { CliFixture } from '../helpers/cli-fixture';
import { runCli } from '../helpers/run-cli';

let server: DemoServer;
let env: Record<string, string>;

let fx: CliFixture;
beforeAll(async () => {
  fx = await syncedCliFixture(80);
  ({ server, env } = fx);
});

afterAll(() => fx.close());

/** Recordings with a title and a summary, from position `from` of the server's list. */
function pick(n: number, from: number): (Recording & { uuid: string })[] {
  return server.data
    .list()
    .slice(from)
    .filter(
      (r): r is Recording & { uuid: string } => typeof r.title === 'string' && typeof r.summary === 'string',
    )
    .slice(0, n);
}

async function queueJson(): Promise<Record<string, unknown>[]> {
  const run = await runCli(['queue', '--json'], { env });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>[];
}

async function cli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCli(args, { env: { ...env, ...extraEnv } });
}

describe('sdesk edit, queue, show, push', () => {
  it('edit queues without touching the network; queue and show give the documented JSON', async () => {
    const [r] = pick(1, 2);
    const requests = server.requests.length;
    const edit = await cli(['edit', r!.uuid, '--title', 'Renamed offline', '--clear-summary']);
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stdout).toMatch(/Queued edit #\d+/);
    expect(server.requests.length).toBe(requests);

    const queued = await queueJson();
    expect(queued).toHaveLength(1);
    expect(Object.keys(queued[0]!).sort()).toEqual(
      ['id', 'uuid', 'status', 'fields', 'error', 'attempts', 'created_at'].sort(),
    );
    expect(queued[0]).toMatchObject({
      uuid: r!.uuid,
      status: 'pending',
      fields: { title: 'Renamed offline', summary: null },
      error: null,
      attempts: 0,
    });
    expect(Number.isNaN(Date.parse(queued[0]!['created_at'] as string))).toBe(false);

    const show = await cli(['show', r!.uuid, '--json']);
    expect(show.code, show.stderr).toBe(0);
    const shown = JSON.parse(show.stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({
      uuid: r!.uuid,
      title: 'Renamed offline',
      summary: null,
      description: r!.description ?? null,
      local: { id: queued[0]!['id'], status: 'pending', base: { title: r!.title, summary: r!.summary } },
    });
    expect(server.requests.length).toBe(requests);

    const push = await cli(['push']);
    expect(push.code, push.stderr).toBe(0);
    expect(server.data.get(r!.uuid)).toMatchObject({ title: 'Renamed offline', summary: null });
    expect(await queueJson()).toEqual([]);
    const after = JSON.parse((await cli(['show', r!.uuid, '--json'])).stdout) as Record<string, unknown>;
    expect(after['local']).toBeNull();
  });

  it('refuses invalid edits with a clear message and exit 2; an unknown recording exits 1', async () => {
    const [r] = pick(1, 5);
    const blank = await cli(['edit', r!.uuid, '--title', '   ']);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/title can't be blank/i);
    const long = await cli(['edit', r!.uuid, '--title', 'x'.repeat(256)]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/at most 255/);
    expect((await cli(['edit', r!.uuid])).code).toBe(2);
    expect((await cli(['edit', r!.uuid, '--summary', 'a', '--clear-summary'])).code).toBe(2);
    const unknown = await cli(['edit', '00000000-0000-4000-8000-000000000000', '--title', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/sync first/);
    expect(await queueJson()).toEqual([]);
  });

  it('sync --json counts pushed, failed and conflicting edits; queue lists what waits; the user decides', async () => {
    const [ok, gone, theirs] = pick(3, 10);
    for (const [r, title] of [
      [ok, 'Pushed by sync'],
      [gone, 'Deleted on the server meanwhile'],
      [theirs, 'Mine'],
    ] as const) {
      expect((await cli(['edit', r!.uuid, '--title', title])).code).toBe(0);
    }
    server.data.remove(gone!.uuid);
    server.data.update(theirs!.uuid, { title: 'Theirs' });

    const sync = await cli(['sync', '--json']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ pushed: 1, failed: 1, conflicts: 1 });
    expect(server.data.get(ok!.uuid)?.title).toBe('Pushed by sync');

    const queued = await queueJson();
    expect(queued.map((q) => [q['uuid'], q['status']])).toEqual([
      [gone!.uuid, 'failed'],
      [theirs!.uuid, 'conflict'],
    ]);
    expect(queued[0]!['error']).toMatch(/deleted on the server/);
    const human = await cli(['queue']);
    expect(human.stdout).toMatch(/on the server now: title → "Theirs"/);
    expect(human.stdout).toMatch(/--keep-mine \| --take-theirs/);

    const [failedId, conflictId] = queued.map((q) => String(q['id']));
    expect((await cli(['resolve', failedId!, '--keep-mine'])).code).toBe(2);
    expect((await cli(['resolve', conflictId!])).code).toBe(2);
    expect((await cli(['resolve', conflictId!, '--keep-mine'])).code).toBe(0);
    expect((await cli(['discard', failedId!])).code).toBe(0);
    expect((await cli(['retry', failedId!])).code).toBe(1);
    const push = await cli(['push', '--json']);
    expect(push.code, push.stderr).toBe(0);
    expect(JSON.parse(push.stdout)).toMatchObject({ pushed: 1, failed: 0, conflicts: 0, pending: 0 });
    expect(server.data.get(theirs!.uuid)?.title).toBe('Mine');
    expect(await queueJson()).toEqual([]);
  });

  it('take-theirs drops the edit; retry re-queues a failed one', async () => {
    const [a, b] = pick(2, 20);
    await cli(['edit', a!.uuid, '--summary', 'Mine']);
    await cli(['edit', b!.uuid, '--description', 'Refused once']);
    server.data.update(a!.uuid, { summary: 'Theirs' });
    server.faults.add({
      kind: 'status',
      status: 422,
      method: 'PATCH',
      times: 1,
      body: '{"error":"Not now"}',
    });
    expect((await cli(['push'])).code).toBe(0);
    const [conflict, failed] = await queueJson();
    expect(conflict).toMatchObject({ uuid: a!.uuid, status: 'conflict' });
    expect(failed).toMatchObject({ uuid: b!.uuid, status: 'failed', error: 'Not now' });

    expect((await cli(['resolve', `#${String(conflict!['id'])}`, '--take-theirs'])).code).toBe(0);
    const retried = await cli(['retry', String(failed!['id']), '--json']);
    expect(JSON.parse(retried.stdout)).toMatchObject({ status: 'pending', error: null });
    expect((await cli(['push'])).code).toBe(0);
    expect(server.data.get(a!.uuid)?.summary).toBe('Theirs');
    expect(server.data.get(b!.uuid)?.description).toBe('Refused once');
    expect(await queueJson()).toEqual([]);
  });

  it('push exits 3 on a rejected token and leaves the queue as it was', async () => {
    const [r] = pick(1, 30);
    await cli(['edit', r!.uuid, '--title', 'Waits for a token']);
    const before = await queueJson();
    server.faults.add({ kind: 'status', status: 401, body: '{"error":"Invalid API token"}' });
    const push = await cli(['push']);
    server.faults.clear();
    expect(push.code).toBe(3);
    expect(push.stderr).toMatch(/paused/);
    expect(await queueJson()).toEqual(before);
    expect((await cli(['push'])).code).toBe(0);
    expect(server.data.get(r!.uuid)?.title).toBe('Waits for a token');
  });

  it("a proxy's 404 page pauses the queue: push exits 1 saying so once, queue says it, nothing failed; then it resumes", async () => {
    const [a, b] = pick(2, 50);
    await cli(['edit', a!.uuid, '--title', 'Behind a proxy']);
    await cli(['edit', b!.uuid, '--summary', 'Also waiting']);
    server.faults.add({
      kind: 'status',
      status: 404,
      contentType: 'text/html',
      body: '<html><body><h1>404 Not Found</h1>\u001b[31m</body></html>',
    });
    const push = await cli(['push']);
    server.faults.clear();
    expect(push.code).toBe(1);
    expect(push.stderr).toMatch(/queue is paused.*404.*not the Screendesk API/);
    expect(push.stderr).not.toMatch(/deleted on the server/);
    expect((await queueJson()).map((q) => [q['status'], q['error']])).toEqual([
      ['pending', null],
      ['pending', null],
    ]);
    const queue = await cli(['queue']);
    expect(queue.stderr.match(/The queue is paused/g)).toHaveLength(1);
    expect((await cli(['push'])).code).toBe(0);
    expect(server.data.get(a!.uuid)?.title).toBe('Behind a proxy');
    expect(server.data.get(b!.uuid)?.summary).toBe('Also waiting');
    expect((await cli(['queue'])).stderr).not.toMatch(/paused/);
  });

  it('edit setting a queued field back to what show printed leaves no edit', async () => {
    const [r] = pick(1, 56);
    expect((await cli(['edit', r!.uuid, '--title', 'Second thoughts'])).code).toBe(0);
    const back = await cli(['edit', r!.uuid, '--title', r!.title!]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/No edit left/);
    expect(await queueJson()).toEqual([]);
    const json = await cli(['edit', r!.uuid, '--title', 'Again', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'pending' });
    expect(JSON.parse((await cli(['edit', r!.uuid, '--title', r!.title!, '--json'])).stdout)).toBeNull();
    const search = await cli(['search', 'is:edited', '--json']);
    expect(JSON.parse(search.stdout)).toMatchObject({ total: 0 });
  });

  it('push exits 4 when the server refuses connections, leaving the queue as it was', async () => {
    const proxy = await startOutboxProxy(server.url);
    const viaProxy = { SCREENDESK_API_URL: proxy.url };
    expect((await cli(['sync'], viaProxy)).code).toBe(0);
    const [r] = pick(1, 40);
    expect((await cli(['edit', r!.uuid, '--title', 'Offline for now'], viaProxy)).code).toBe(0);
    const queue = async (): Promise<unknown> => JSON.parse((await cli(['queue', '--json'], viaProxy)).stdout);
    const before = await queue();
    await proxy.close();

    const push = await cli(['push'], viaProxy);
    expect(push.code).toBe(4);
    expect(push.stderr).toMatch(/Could not reach the server/);
    expect(await queue()).toEqual(before);
    const sync = await cli(['sync', '--json'], viaProxy);
    expect(sync.code).toBe(4);
    expect(sync.stdout).toBe('');
    expect(await queue()).toEqual(before);
  });
});
