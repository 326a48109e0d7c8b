// Crash safety of the index merge (src/main/db/search-index-merge.ts): a real `sdesk sync` child process
// is killed with SIGKILL at random moments of the merge that follows its pull, several times. After every
// kill the file must pass integrity_check and the index must equal one rebuilt from the rows; a last
// uninterrupted sync must finish the merge.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_KEYS, accountDbPath, accountIdFor, openAccountDb } from '../../src/main/db';
import type { AccountDb } from '../../src/main/db';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer } from '../../src/main/demo';
import { AccountSession } from '../../src/main/session';
import { integrityOfFile, sdeskChildEnv } from '../helpers/crash';
import { expectIndexMatchesSource } from '../helpers/fts-check';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = join(ROOT, 'out/cli/sdesk.mjs');
const RECORDINGS = 2000;
const ROUNDS = 4;

let server: DemoServer;
let dataDir: string;

beforeAll(async () => {
  execFileSync('bash', [join(ROOT, 'scripts/build-cli.sh')]);
  server = await startDemoServer({ recordings: RECORDINGS });
  dataDir = mkdtempSync(join(tmpdir(), 'sdesk-merge-crash-'));
  const first = new AccountSession({ dataDir, apiUrl: server.url, token: server.adminToken });
  await first.sync();
  first.close(); // before its merge started
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const accountId = (): string => accountIdFor(server.url, server.adminToken);
const openCache = (): AccountDb => openAccountDb({ dataDir, accountId: accountId() });

/** Runs `sdesk sync`; kills it `delayMs` after it says it is merging. Resolves with its exit code. */
function syncKilledWhileMerging(delayMs: number | null): Promise<number | null> {
  const child = spawn(process.execPath, [BUNDLE, 'sync'], {
    env: sdeskChildEnv(server, dataDir),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (delayMs !== null && chunk.toString().includes('Merging the search index')) {
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  return new Promise((done) => child.on('exit', (code) => done(code)));
}

describe('merging the index survives kill -9', () => {
  it(
    'leaves a sound file and an exact index after every kill, and a later sync finishes it',
    { timeout: 120_000 },
    async () => {
      let killed = 0;
      for (let round = 0; round < ROUNDS; round++) {
        // Give the merge work to do: every recording's text changed locally since the last sync, so this
        // sync reindexes them all (from the server's copy) and then merges.
        const adb = openCache();
        const retitled = [...adb.recordings.iterateRaw()].map((raw) => {
          const r = JSON.parse(raw) as Record<string, unknown>;
          return { ...r, title: `${String(r['title'])} round ${round}` };
        });
        for (let i = 0; i < retitled.length; i += 100) adb.recordings.upsertPage(retitled.slice(i, i + 100));
        adb.close();

        const code = await syncKilledWhileMerging(round * 10);
        if (code !== 0) killed++;
        expect(integrityOfFile(accountDbPath(dataDir, accountId()))).toBe('ok');
        const after = openCache();
        try {
          expectIndexMatchesSource(after.sqlite);
          expect(after.recordings.count()).toBe(RECORDINGS);
        } finally {
          after.close();
        }
      }
      expect(killed, 'the kills landed before the merge ended').toBeGreaterThan(0);

      expect(await syncKilledWhileMerging(null)).toBe(0);
      const adb = openCache();
      try {
        expect(adb.meta.getNumber(META_KEYS.storedSinceIndexMerge)).toBe(0);
        expectIndexMatchesSource(adb.sqlite);
      } finally {
        adb.close();
      }
    },
  );
});
