// Crash safety of the queue: a real `sdesk push` child process is killed with SIGKILL at random points of
// its run, many times, while the user keeps typing edits in another process. After every kill the database
// must pass integrity_check and every edit the user was told about must still be somewhere: queued, or on
// the server. At the end one uninterrupted push leaves the server with the latest value typed for each
// recording. (A power cut cannot be simulated here; edits are committed with synchronous=FULL for that.)
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDbPath } from '../../src/main/db';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { AccountSession } from '../../src/main/session';
import { integrityOfFile, sdeskChildEnv } from '../helpers/crash';
import { prng } from '../helpers/prng';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'out/cli/sdesk.mjs');
const ROUNDS = 30;
// Seeded (test/helpers/prng.ts), so that a failing run can be replayed with SDESK_CRASH_SEED.
const SEED = Number(process.env['SDESK_CRASH_SEED'] ?? Date.now() % 1_000_000);

let server: DemoServer;
let dataDir: string;
let session: AccountSession;

beforeAll(async () => {
  execFileSync('bash', [join(ROOT, 'scripts/build-cli.sh')]);
  server = await startDemoServer({ recordings: 40, latencyMs: 15 });
  dataDir = mkdtempSync(join(tmpdir(), 'sdesk-outbox-crash-'));
  session = new AccountSession({ dataDir, apiUrl: server.url, token: server.adminToken });
  await session.sync();
});

afterAll(async () => {
  session.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function startPush(): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BUNDLE, 'push'], {
    env: sdeskChildEnv(server, dataDir),
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited };
}

describe('queued edits survive kill -9 at any moment of a push', () => {
  it(`never loses an edit and keeps the database sound (seed ${SEED})`, { timeout: 240_000 }, async () => {
    const random = prng(SEED);
    const uuids = server.data
      .list()
      .filter((r) => typeof r.title === 'string')
      .slice(0, 8)
      .map((r) => r.uuid as string);
    // The latest title typed per recording, recorded only once queueEdit returned (the promise under test).
    const latest = new Map<string, string>();
    let typed = 0;
    const type = (uuid: string): void => {
      const title = `Edit ${++typed} (seed ${SEED})`;
      session.queueEdit(uuid, { title });
      latest.set(uuid, title);
    };
    const kills = { inFlightPatch: 0, atRequest: 0, onTimer: 0, finished: 0 };

    for (let round = 0; round < ROUNDS; round++) {
      for (const uuid of uuids) if (random() < 0.4) type(uuid);
      const run = startPush();
      let requests = 0;
      const killAt = 1 + Math.floor(random() * 12);
      const byTimer = random() < 0.4;
      server.onRequest = async ({ method, path }) => {
        requests++;
        // The user keeps typing while the push runs: sometimes into the very edit being sent.
        if (random() < 0.3) type(path.split('/').pop()!);
        if (byTimer || requests !== killAt) return;
        run.child.kill('SIGKILL');
        await run.exited; // dead before the server applies the request and answers it
        if (method === 'PATCH') kills.inFlightPatch++;
        else kills.atRequest++;
      };
      let timer: NodeJS.Timeout | undefined;
      if (byTimer) {
        timer = setTimeout(() => run.child.kill('SIGKILL'), 150 + Math.floor(random() * 700));
      }
      const code = await run.exited;
      clearTimeout(timer);
      server.onRequest = undefined;
      if (code === 0) kills.finished++;
      else if (byTimer) kills.onTimer++;

      expect(integrityOfFile(accountDbPath(session.dataDir, session.accountId)), `round ${round}`).toBe('ok');
      // Nothing typed is lost: each latest title is queued, or it is what the server has and nothing waits.
      const open = new Map(session.outboxList().map((i) => [i.uuid, i]));
      for (const [uuid, title] of latest) {
        const item = open.get(uuid);
        if (item !== undefined) expect(item.fields.title, `round ${round}, ${uuid}`).toBe(title);
        else expect(server.data.get(uuid)?.title, `round ${round}, ${uuid}`).toBe(title);
        expect(session.show(uuid)?.recording['title']).toBe(title);
      }
      expect(session.outboxList().filter((i) => i.status !== 'pending')).toEqual([]);
    }

    // The random points did hit the interesting places.
    expect(kills.inFlightPatch, JSON.stringify(kills)).toBeGreaterThan(0);
    expect(kills.atRequest + kills.onTimer, JSON.stringify(kills)).toBeGreaterThan(0);

    const last = startPush();
    expect(await last.exited).toBe(0);
    expect(session.outboxList()).toEqual([]);
    for (const [uuid, title] of latest) expect(server.data.get(uuid)?.title, uuid).toBe(title);

    expect(integrityOfFile(accountDbPath(session.dataDir, session.accountId))).toBe('ok');
  });
});
