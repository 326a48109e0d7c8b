// Helpers for the queued-edits tests: a session with its own client settings, a fetch that records
// what was sent, and picking recordings off the demo server.
import type { Recording } from '../../src/shared/screendesk-api';
import type { SyncFixture } from './sync-fixture';
import { AccountSession } from '../../src/main/session';

/** One request as the client sent it. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

/** A fetch that forwards to the real one and keeps every request it saw. */
export function recordingFetch(): { fetch: typeof fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    sent.push({ method: init?.method ?? 'GET', path: url.pathname, body });
    return fetch(input, init);
  };
  return { fetch: wrapped, sent };
}

/** A session on the fixture's data dir with the given client tuning (closed by the caller). */
export function tunedSession(
  fx: SyncFixture,
  opts: { token?: string; timeoutMs?: number; maxAttempts?: number; fetch?: typeof fetch; dataDir?: string },
): AccountSession {
  return new AccountSession({
    dataDir: opts.dataDir ?? fx.dataDir,
    apiUrl: fx.server.url,
    token: opts.token ?? fx.server.adminToken,
    fetch: opts.fetch,
    client: {
      timeoutMs: opts.timeoutMs ?? 2_000,
      retry: { maxAttempts: opts.maxAttempts ?? 3, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 50 },
    },
  });
}

/** `n` recordings of the demo server with a non-null title, in list order from `from`. */
export function someRecordings(fx: SyncFixture, n: number, from = 0): (Recording & { uuid: string })[] {
  return fx.server.data
    .list()
    .slice(from)
    .filter(
      (r): r is Recording & { uuid: string } => typeof r.title === 'string' && typeof r.uuid === 'string',
    )
    .slice(0, n);
}

/** The server's current copy of a recording (throws when it is gone). */
export function onServer(fx: SyncFixture, uuid: string): Recording {
  const r = fx.server.data.get(uuid);
  if (r === undefined) throw new Error(`${uuid} is not on the demo server`);
  return r;
}
