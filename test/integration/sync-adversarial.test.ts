// Property test of the sync against a seeded adversarial server (test/helpers/adversarial-server.ts):
// short, empty and repeated pages, totals missing or wrong, next_page missing or lying, pages past the
// end as 200-empty, 404 or 500, recordings added at the top and deleted while a sync runs, refused
// one-by-one checks. Hundreds of seeded runs in process (the client's own fetch answered by the model)
// and some over real HTTP on 127.0.0.1. Invariants, for every sync:
// - no recording that is live on the server and was cached is ever removed;
// - list requests stay within the real pages plus a small constant, whatever the pagination claims;
// - after a quiet sync (an honest server, nothing changing) the cache equals the server exactly.
// A failing run names its seed; SYNC_PROPERTY_SEED=N runs only that one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiError, ScreendeskClient } from '../../src/main/api';
import { META_KEYS, openAccountDb, type AccountDb } from '../../src/main/db';
import { AdaptiveLimit, pull } from '../../src/main/sync';
import { AdversarialAccount } from '../helpers/adversarial-server';
import { startRawServer, type RawServer } from '../helpers/raw-http-server';

// The first empty (or 404) page, the pages already in flight beside it (4 at most, the session's
// default), and page 1 read again at the end.
const EXTRA_LIST_REQUESTS = 5;
const ADVERSARIAL_SYNCS = 3;
const only = process.env['SYNC_PROPERTY_SEED'];
const seeds = (from: number, n: number): number[] =>
  only === undefined ? Array.from({ length: n }, (_, i) => from + i) : [Number(only)];

let dataDir: string;
let db: AccountDb;
let http: RawServer;
let model: AdversarialAccount | undefined;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sdesk-adversarial-'));
  // One cache file for every run (emptied in between): opening and migrating one per run would cost
  // more than the runs themselves.
  db = openAccountDb({ dataDir, accountId: 'adversarial' });
  http = await startRawServer((req) => {
    if (model === undefined) return { status: 503 };
    return model.answer(req.method, req.path, req.query);
  });
});
afterAll(async () => {
  db.close();
  await http.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const cached = (): Set<string> => new Set(db.recordings.allUuids());

/** One seeded run: a full quiet sync, adversarial syncs, then a quiet one. Throws naming the seed. */
async function run(seed: number, transport: 'in-process' | 'http'): Promise<void> {
  db.recordings.removeUuids(db.recordings.allUuids());
  db.meta.delete(META_KEYS.removalCheckAfter);
  const size = 3 + (seed % 10);
  const account = new AdversarialAccount(seed, size, (seed * 7) % 61);
  model = account;
  const client = new ScreendeskClient({
    baseUrl: transport === 'http' ? `${http.url}/api/v2` : 'https://model.invalid/api/v2',
    token: 'adversarial-token',
    fetch: transport === 'http' ? undefined : account.fetch(),
    timeoutMs: 5_000,
    retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 2 },
    sleep: async () => undefined,
  });
  const step = async (label: string): Promise<void> => {
    const before = cached();
    account.resetCounts();
    let failure: unknown = null;
    const result = await pull({ source: client, store: db, limit: new AdaptiveLimit(4) }).catch(
      (error: unknown) => void (failure = error),
    );
    // A sync may fail against this server, but only with the client's own error, never a crash.
    if (failure !== null && !isApiError(failure)) throw failure;
    const after = cached();
    const lost = [...before].filter((uuid) => account.live.includes(uuid) && !after.has(uuid));
    expect(lost, `${label}: live recordings removed (${JSON.stringify(result)})`).toEqual([]);
    expect(account.listAnswers, `${label}: list requests`).toBeLessThanOrEqual(
      account.realPages() + EXTRA_LIST_REQUESTS,
    );
    if (account.mode === 'quiet') {
      expect(failure, `${label}: a quiet sync failed`).toBeNull();
      expect(after, `${label}: the cache after a quiet sync`).toEqual(new Set(account.live));
    }
  };
  try {
    await step('first sync');
    account.mode = 'adversarial';
    for (let i = 1; i <= ADVERSARIAL_SYNCS; i++) await step(`adversarial sync ${i}`);
    account.mode = 'quiet';
    await step('quiet sync');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`seed ${seed} (${transport}; SYNC_PROPERTY_SEED=${seed} reruns it): ${message}`, {
      cause: error,
    });
  } finally {
    model = undefined;
  }
}

describe('sync against a seeded adversarial server', () => {
  it('in process: 200 seeded runs keep every live recording, stay within the pages, converge', async () => {
    for (const seed of seeds(1, 200)) await run(seed, 'in-process');
  }, 120_000);

  it('over real HTTP on 127.0.0.1: 30 seeded runs, the same invariants', async () => {
    for (const seed of seeds(10_001, 30)) await run(seed, 'http');
  }, 120_000);
});
