import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoServer } from '../../src/main/demo';
import { syncedCliFixture } from '../helpers/cli-fixture';
import type { CliFixture } from '../helpers/cli-fixture';
import { runCli } from '../helpers/run-cli';
import { withCacheOf } from '../helpers/session-cache';
import { APP_NAME } from '../../src/shared/app';
import { openSecretStore } from '../../src/main/secrets';
import { AccountSession } from '../../src/main/session';

const haveKeyring = process.env['SDESK_TEST_KEYRING'] === '1';
let server: DemoServer;
let dataDir: string;
let env: Record<string, string>;

let fx: CliFixture;
beforeAll(async () => {
  fx = await syncedCliFixture(240);
  ({ server, dataDir, env } = fx);
});

afterAll(() => fx.close());

describe('sdesk', () => {
  it('sync --json prints exactly one JSON document with the counts', async () => {
    server.data.add(2);
    const run = await runCli(['--json', 'sync'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      added: 2,
      updated: 0,
      removed: 0,
      total: 242,
      pushed: 0,
      failed: 0,
      conflicts: 0,
      kept: 0,
      confirmed: 0,
      keptReason: null,
    });
    expect(run.stderr).toMatch(/Syncing with/);
  });

  it('sync says what it kept when the server answers imperfectly, in text and in --json', async () => {
    // Page 3 (the last 40) comes back empty, and the one-by-one checks are refused.
    const refuse = (): void => {
      server.faults.add({ kind: 'records', records: [], page: 3 });
      server.faults.add({ kind: 'status', status: 403, method: 'GET', path: /\/recordings\/[^/]+$/ });
    };
    try {
      refuse();
      const json = await runCli(['--json', 'sync'], { env });
      expect(json.code, json.stderr).toBe(0);
      expect(JSON.parse(json.stdout)).toMatchObject({
        removed: 0,
        total: 242,
        kept: 42,
        confirmed: 0,
        keptReason:
          "the server's pages were incomplete: page 3 came back empty; could not confirm: the server answered 403",
      });
      server.faults.clear();
      refuse();
      const text = await runCli(['sync'], { env });
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain(
        "Nothing was removed without the server confirming it (the server's pages were incomplete: page 3 came back empty; could not confirm: the server answered 403): 42 recordings kept until a later sync confirms they are gone.",
      );
    } finally {
      server.faults.clear();
    }
    const healthy = await runCli(['--json', 'sync'], { env });
    expect(JSON.parse(healthy.stdout)).toMatchObject({ removed: 0, total: 242, kept: 0, keptReason: null });
  });

  it('search --json gives total and results in the documented shape', async () => {
    const run = await runCli(['search', 'type:live', '--limit', '5', '--sort', 'longest', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { total: number; results: Record<string, unknown>[] };
    const live = server.data.list().filter((r) => r.metadata?.recording_type === 'Live');
    expect(out.total).toBe(live.length);
    expect(out.results).toHaveLength(5);
    expect(Object.keys(out.results[0]!).sort()).toEqual(
      [
        'uuid',
        'title',
        'summary',
        'recording_type',
        'created_at',
        'duration',
        'customer_email',
        'user_email',
        'snippet',
      ].sort(),
    );
    const durations = out.results.map((r) => r['duration'] as number);
    expect(durations).toEqual([...durations].sort((a, b) => b - a));
    expect(out.results.every((r) => r['recording_type'] === 'Live')).toBe(true);
  });

  it('search takes FTS5 syntax and punctuation as plain words, never an error', async () => {
    for (const q of ['"unbalanced', 'NEAR(a b) OR *', '^:()', '💥💥', '-']) {
      const run = await runCli(['search', q, '--json'], { env });
      expect(run.code, `${q}: ${run.stderr}`).toBe(0);
      expect(JSON.parse(run.stdout)).toHaveProperty('total');
    }
  });

  it('show --json gives the server JSON unchanged plus "local"', async () => {
    const record = server.data.list()[10]!;
    const run = await runCli(['show', record.uuid as string, '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ...JSON.parse(JSON.stringify(record)), local: null });
  });

  it('show prints a field the server sent as an object or a list as its JSON, never "[object Object]"', async () => {
    const record = server.data.list()[11]!;
    const odd = { title: { text: 'Nested\u001b[31m title' }, description: ['first', 2] };
    const uuid = record.uuid as string;
    server.data.update(uuid, odd as unknown as Partial<typeof record>);
    expect((await runCli(['sync'], { env })).code).toBe(0);
    const run = await runCli(['show', uuid], { env });
    server.data.update(uuid, { title: record.title, description: record.description });
    expect((await runCli(['sync'], { env })).code).toBe(0);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('[object Object]');
    // The escape sequence arrives as JSON's six characters \u001b, which a terminal does not act on.
    expect(run.stdout).toMatch(/^Title\s+\{"text":"Nested\\u001b\[31m title"\}$/m);
    expect(run.stdout).toMatch(/^Description\s+\["first",2\]$/m);
    expect(run.stdout).not.toContain('\u001b');
  });

  it('show of an unknown uuid fails with a message', async () => {
    const run = await runCli(['show', '00000000-0000-4000-8000-000000000000'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No recording .* in the cache/);
  });

  it('export writes every recording as JSON or CSV', async () => {
    const json = await runCli(['export'], { env });
    expect(json.code, json.stderr).toBe(0);
    const all = JSON.parse(json.stdout) as { uuid: string }[];
    expect(new Set(all.map((r) => r.uuid))).toEqual(new Set(server.data.list().map((r) => r.uuid)));

    const out = join(dataDir, 'export.csv');
    const csv = await runCli(['export', '--format', 'csv', '--out', out], { env });
    expect(csv.code, csv.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('uuid,title,summary,')).toBe(true);
    expect(text.match(/\r\n(?=[0-9a-f]{8}-)/g)).toHaveLength(all.length);
  });

  it('exit codes: 2 for usage, 3 without a token or with a rejected one, 4 when unreachable', async () => {
    expect((await runCli(['frobnicate'], { env })).code).toBe(2);
    expect((await runCli(['search', '--limit', 'lots'], { env })).code).toBe(2);
    expect((await runCli(['sync', '--format', 'csv'], { env })).code).toBe(2);

    const noToken = await runCli(['search', 'x'], {
      env: { ...env, SCREENDESK_API_TOKEN: '', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    });
    expect(noToken.code).toBe(3);
    expect(noToken.stderr).toMatch(/sdesk login|SCREENDESK_API_TOKEN/);

    const rejected = await runCli(['sync'], { env: { ...env, SCREENDESK_API_TOKEN: 'wrong-token' } });
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).not.toContain('wrong-token');

    const unreachable = await runCli(['sync'], {
      env: { ...env, SCREENDESK_API_URL: 'http://127.0.0.1:9/api/v2' },
    });
    expect(unreachable.code).toBe(4);
  });

  it.skipIf(!haveKeyring)('login keeps a verified token in the keychain; logout forgets it', async () => {
    const keyEnv = { SCREENDESK_API_URL: server.url, SCREENDESK_DATA_DIR: dataDir };
    const bad = await runCli(['login'], { env: keyEnv, input: 'not-a-real-token\n' });
    expect(bad.code).toBe(3);

    const login = await runCli(['login'], { env: keyEnv, input: `${server.adminToken}\n` });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toMatch(/Signed in/);
    // Now without the environment variable: the token comes from the keychain.
    const search = await runCli(['search', '--json'], { env: keyEnv });
    expect(search.code, search.stderr).toBe(0);
    expect((JSON.parse(search.stdout) as { total: number }).total).toBeGreaterThan(0);

    expect((await runCli(['logout'], { env: keyEnv })).code).toBe(0);
    expect((await runCli(['search'], { env: keyEnv })).code).toBe(3);
  });

  it.skipIf(!haveKeyring)(
    'login with a new token after the old one was revoked carries over queued edits',
    async () => {
      const keyEnv = { SCREENDESK_API_URL: server.url, SCREENDESK_DATA_DIR: dataDir };
      // An edit queued under a token the server no longer accepts (revoked): its cache holds the edit.
      const revoked = 'revoked-token-123';
      const old = new AccountSession({ dataDir, apiUrl: server.url, token: revoked });
      const target = server.data.list()[3]!;
      withCacheOf(old, (cache) => cache.recordings.upsertPage([target]));
      old.queueEdit(target.uuid as string, { title: 'Typed before the token was revoked' });
      old.close();
      const { store } = await openSecretStore({ service: APP_NAME });
      await store.set(server.url, revoked);

      const login = await runCli(['login', '--json'], { env: keyEnv, input: `${server.adminToken}\n` });
      expect(login.code, login.stderr).toBe(0);
      expect(JSON.parse(login.stdout)).toMatchObject({ movedEdits: 1 });
      const push = await runCli(['push'], { env: keyEnv });
      expect(push.code, push.stderr).toBe(0);
      expect(server.data.get(target.uuid as string)?.title).toBe('Typed before the token was revoked');
      await runCli(['logout'], { env: keyEnv });
    },
  );
});
