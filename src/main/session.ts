import { ScreendeskClient } from './api';
import type { ScreendeskClientOptions } from './api';
import type { AccountDb } from './db';
import { accountIdFor, openAccountDb, registerAccount } from './db';
import { searchRecordings } from './search';
import type { SearchRequest, SearchResponse } from './search';
import { AdaptiveLimit, pull } from './sync';
import type { SyncProgress } from './sync';

/** Who to talk to and where the cache lives. */
export interface AccountSessionOptions {
  dataDir: string;
  apiUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Client tuning (timeouts, retries); the CLI shortens them so an unreachable server fails fast. */
  client?: Omit<ScreendeskClientOptions, 'baseUrl' | 'token' | 'fetch' | 'onRetry'>;
  /** Page requests in flight during a sync (default 4). */
  concurrency?: number;
}

/** What a sync did: counts for people and for `sdesk sync --json`. */
export interface SyncSummary {
  added: number;
  updated: number;
  removed: number;
  /** Recordings in the cache after the sync. */
  total: number;
  pushed: number;
  failed: number;
  conflicts: number;
  removalDeferred: number;
  anomalies: string[];
}

/** A recording as `show` gives it: the server's JSON, unchanged, plus what is queued locally. */
export interface ShownRecording {
  recording: Record<string, unknown>;
  local: null;
}

/**
 * One signed-in account: its API client and its cache. The CLI opens one per command; the desktop
 * service keeps one for the signed-in account. Everything the three doors do goes through here.
 */
export class AccountSession {
  readonly accountId: string;
  readonly client: ScreendeskClient;
  readonly db: AccountDb;
  readonly #limit: AdaptiveLimit;

  constructor(opts: AccountSessionOptions) {
    this.#limit = new AdaptiveLimit(opts.concurrency ?? 4);
    this.client = new ScreendeskClient({
      ...opts.client,
      baseUrl: opts.apiUrl,
      token: opts.token,
      fetch: opts.fetch,
      onRetry: (info) => {
        if (info.error.code === 'rate_limited') this.#limit.backOff();
      },
    });
    this.accountId = accountIdFor(this.client.baseUrl, opts.token);
    this.db = openAccountDb({ dataDir: opts.dataDir, accountId: this.accountId });
    registerAccount(this.db, { apiUrl: this.client.baseUrl });
  }

  /** Pulls every recording so the cache mirrors the account. */
  async sync(
    opts: { signal?: AbortSignal; onProgress?: (p: SyncProgress) => void } = {},
  ): Promise<SyncSummary> {
    const result = await pull({ source: this.client, store: this.db, limit: this.#limit, ...opts });
    return {
      added: result.added,
      updated: result.updated,
      removed: result.removed,
      total: result.total,
      pushed: 0,
      failed: 0,
      conflicts: 0,
      removalDeferred: result.removalDeferred,
      anomalies: result.anomalies,
    };
  }

  /** Offline search over the cache. */
  search(req: SearchRequest): SearchResponse {
    return searchRecordings(this.db, req);
  }

  /** One cached recording, or undefined. */
  show(uuid: string): ShownRecording | undefined {
    const raw =
      this.db.recordings.getRaw(uuid.trim().toLowerCase()) ?? this.db.recordings.getRaw(uuid.trim());
    return raw === undefined
      ? undefined
      : { recording: JSON.parse(raw) as Record<string, unknown>, local: null };
  }

  /** Every cached recording, newest first, as the server sent it. Streams: memory stays flat. */
  *allRecordings(): Generator<Record<string, unknown>> {
    const rows = this.db.sqlite
      .prepare('SELECT raw FROM recordings ORDER BY created_at DESC, id DESC')
      .pluck()
      .iterate() as IterableIterator<string>;
    for (const raw of rows) yield JSON.parse(raw) as Record<string, unknown>;
  }

  close(): void {
    this.db.close();
  }
}
