import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../src/main/demo';
import type { DemoServer, DemoServerOptions } from '../../src/main/demo';
import { AccountSession } from '../../src/main/session';
import { withCacheOf } from './session-cache';

/** A demo server, a fresh data dir, and sessions on it; everything is torn down by close(). */
export interface SyncFixture {
  server: DemoServer;
  dataDir: string;
  /** A session on the fixture's data dir; `maxAttempts` per request (default 5). */
  session(token?: string, maxAttempts?: number): AccountSession;
  /** uuids the server serves to the admin now. */
  serverUuids(): Set<string>;
  close(): Promise<void>;
}

/** Starts the fixture; fast client retries so fault tests do not wait for real backoff. */
export async function syncFixture(opts: DemoServerOptions = {}): Promise<SyncFixture> {
  const server = await startDemoServer(opts);
  const dataDir = mkdtempSync(join(tmpdir(), 'sdesk-sync-'));
  const sessions: AccountSession[] = [];
  return {
    server,
    dataDir,
    session(token = server.adminToken, maxAttempts = 5) {
      const s = new AccountSession({
        dataDir,
        apiUrl: server.url,
        token,
        client: {
          timeoutMs: 2_000,
          retry: { maxAttempts, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 50 },
        },
      });
      sessions.push(s);
      return s;
    },
    serverUuids: () => new Set(server.data.list().map((r) => r.uuid as string)),
    async close() {
      for (const s of sessions) s.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The uuids in a session's cache. */
export function cachedUuids(session: AccountSession): Set<string> {
  return new Set(withCacheOf(session, (cache) => cache.recordings.allUuids()));
}
