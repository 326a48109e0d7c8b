import type {
  EditFields,
  OutboxCounts,
  OutboxItem,
  Overview,
  RecordingDetail,
  ServerFields,
  SyncStatus,
  SyncSummary,
} from '../shared/contract';
import { ApiError, isApiError, ScreendeskClient } from './api';
import type { ScreendeskClientOptions } from './api';
import type { AccountDb, OutboxRepo } from './db';
import {
  accountIdFor,
  createOutboxRepo,
  inReadSnapshot,
  META_KEYS,
  needsIndexMerge,
  openAccountDb,
  readOverview,
  registerAccount,
  mergeSearchIndex,
  withBackgroundCheckpoints,
} from './db';
import {
  adoptEdits,
  canEdit,
  discardEdit,
  needsToken,
  queueEdit,
  queuePause,
  resolveEdit,
  retryEdit,
  setNeedsToken,
  showRecording,
  toOutboxItem,
} from './outbox';
import type { ConflictChoice, HitWithEdit, QueuePause } from './outbox';
import { searchPage } from './cache-reader';
import type { CacheReads } from './cache-reader';
import type { SearchHit, SearchRequest, SearchResponse } from './search';
import { AdaptiveLimit, keptByLastSync, pull, push } from './sync';
import type { PushSummary, SyncProgress } from './sync';

export type { PushSummary } from './sync';

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

/**
 * What a sync did: the contract's SyncSummary (the counts the app and `sdesk sync --json` show), what was
 * odd about the server's pagination, in plain words, for the log and sdesk's warnings, and when an edit
 * its push phase failed for a passing reason is due again (the app pushes then; null when none waits).
 */
export interface SyncReport extends SyncSummary {
  anomalies: string[];
  retryAt: number | null;
}

/** How a push runs: cancellable; `onlyDue` skips edits still backing off (for automatic pushes). */
export interface PushRunOptions {
  signal?: AbortSignal;
  onlyDue?: boolean;
}

/** A page of search results; each hit with its queued edit laid over and that edit's state. */
export interface SearchPage extends Omit<SearchResponse, 'results'> {
  results: HitWithEdit<SearchHit>[];
}

/** What the status bar says about the cache (the rest of SyncStatus is the service's). */
export type CacheStatus = Pick<SyncStatus, 'lastSyncAt' | 'cached' | 'kept'>;

/**
 * One signed-in account: its API client and its cache. The CLI opens one per command; the desktop
 * service keeps one for the signed-in account. Everything the three doors do goes through here.
 */
export class AccountSession implements CacheReads {
  readonly accountId: string;
  readonly dataDir: string;
  // The connection, the client and the queue stay in here: the doors ask for what they need by name, so
  // every query runs in db/, search/ or outbox/ and no door can hold a connection past close().
  readonly #client: ScreendeskClient;
  readonly #db: AccountDb;
  readonly #outbox: OutboxRepo;
  readonly #limit: AdaptiveLimit;
  // Pushes run one at a time: a second caller (sync, the connectivity monitor) waits for the first.
  #pushing: Promise<unknown> = Promise.resolve();
  // Merging the search index after a large sync (src/main/db/search-index-merge.ts), while it runs.
  #indexMerge: { controller: AbortController; done: Promise<void> } | null = null;

  constructor(opts: AccountSessionOptions) {
    this.#limit = new AdaptiveLimit(opts.concurrency ?? 4);
    this.#client = new ScreendeskClient({
      ...opts.client,
      baseUrl: opts.apiUrl,
      token: opts.token,
      fetch: opts.fetch,
      onRetry: (info) => {
        if (info.error.code === 'rate_limited') this.#limit.backOff();
      },
    });
    this.accountId = accountIdFor(this.#client.baseUrl, opts.token);
    this.dataDir = opts.dataDir;
    this.#db = openAccountDb({ dataDir: opts.dataDir, accountId: this.accountId });
    registerAccount(this.#db, { apiUrl: this.#client.baseUrl });
    this.#outbox = createOutboxRepo(this.#db.sqlite);
  }

  /**
   * Pushes queued edits, then pulls every recording so the cache mirrors the account. A push that the
   * server paused (401) ends the sync with the 401 of the pull that follows.
   */
  async sync(opts: PushRunOptions & { onProgress?: (p: SyncProgress) => void } = {}): Promise<SyncReport> {
    const { onProgress, ...pushOpts } = opts;
    if (this.#outbox.counts().pending > 0) {
      onProgress?.({ phase: 'pushing', pagesDone: 0, pagesTotal: null, records: 0 });
    }
    const pushed = await this.push(pushOpts);
    // The server asked the push to wait: the pull would be asking again before it allows.
    if (pushed.rateLimitedUntil !== undefined && pushed.rateLimitedUntil > Date.now()) {
      throw new ApiError({
        code: 'rate_limited',
        message:
          'The server is receiving too many requests: queued edits and the sync wait until it allows more',
        retryAfterMs: pushed.rateLimitedUntil - Date.now(),
        retryAt: pushed.rateLimitedUntil,
      });
    }
    await this.#stopIndexMerge(); // the pull writes; the merge starts again after it, with the new pages too
    const result = await this.#tracked(() =>
      withBackgroundCheckpoints(this.#db, () =>
        pull({ source: this.#client, store: this.#db, limit: this.#limit, signal: opts.signal, onProgress }),
      ),
    );
    this.#startIndexMergeIfDue(result.total);
    return {
      added: result.added,
      updated: result.updated,
      removed: result.removed,
      total: result.total,
      pushed: pushed.pushed,
      failed: pushed.failed,
      conflicts: pushed.conflicts,
      kept: result.kept,
      confirmed: result.confirmed,
      keptReason: result.keptReason,
      anomalies: result.anomalies,
      retryAt: pushed.retryAt,
    };
  }

  /**
   * Sends queued edits now, oldest first. Throws ApiError 'network' / 'timeout' when the server cannot be
   * reached (the queue is left as it was), 'cancelled' when the signal aborts.
   */
  push(opts: PushRunOptions = {}): Promise<PushSummary> {
    const run = this.#pushing.then(() =>
      push({
        source: this.#client,
        store: { recordings: this.#db.recordings, meta: this.#db.meta, outbox: this.#outbox },
        ...opts,
      }),
    );
    this.#pushing = run.catch(() => undefined);
    return run;
  }

  /**
   * Queues an edit (validated; merged into the recording's open edit); on disk before it returns. `from`:
   * the values the editor started from, the base of fields new to the edit (default: the cached values).
   * Null when the edit has no field left (each was set back to what it was).
   */
  queueEdit(uuid: string, fields: EditFields, from?: ServerFields): OutboxItem | null {
    const row = queueEdit(this.#outbox, this.#db.recordings, uuid, fields, Date.now(), from);
    return row === undefined ? null : toOutboxItem(row);
  }

  /** Pending, failed and conflicting edits, oldest first. */
  outboxList(): OutboxItem[] {
    return this.#outbox.listOpen().map(toOutboxItem);
  }

  /** How many edits are pending, failed, conflicting. */
  outboxCounts(): OutboxCounts {
    return this.#outbox.counts();
  }

  /** Re-queues a failed or conflicting edit (a conflict is checked against the server again). */
  retryEdit(id: number): void {
    retryEdit(this.#outbox, id, Date.now());
  }

  /** Drops a queued edit. */
  discardEdit(id: number): void {
    discardEdit(this.#outbox, id);
  }

  /** Settles a conflict: keep-mine re-queues it over the server's values, take-theirs drops it. */
  resolveEdit(id: number, choice: ConflictChoice): void {
    resolveEdit(this.#outbox, id, choice, Date.now());
  }

  /**
   * Moves the queued edits of another token's cache for the same API URL into this one (e.g. after a 401
   * and a sign-in with a new token); returns how many moved. Close any session on that cache first.
   */
  adoptEditsFrom(accountId: string): number {
    return adoptEdits(this.dataDir, accountId, { db: this.#db, repo: this.#outbox }, Date.now());
  }

  /** False after the server refused an edit with 403, true after one went through, null until known. */
  canEdit(): boolean | null {
    return canEdit(this.#db.meta);
  }

  /** True after a 401 paused the queue, until a request succeeds. */
  needsToken(): boolean {
    return needsToken(this.#db.meta);
  }

  /** Why the whole queue waits (a 401, or an account-wide refusal), or null when it does not. */
  queuePause(): QueuePause | null {
    return queuePause(this.#db.meta, this.#outbox.counts().pending);
  }

  /** Runs a request, remembering whether the server took or rejected the token. */
  async #tracked<T>(fn: () => Promise<T>): Promise<T> {
    try {
      const value = await fn();
      setNeedsToken(this.#db.meta, false);
      return value;
    } catch (error) {
      if (isApiError(error, 'auth') && this.#db.sqlite.open) setNeedsToken(this.#db.meta, true);
      throw error;
    }
  }

  /** Offline search over the cache; hits with a queued edit show its title and summary, and its state. */
  search(req: SearchRequest): SearchPage {
    return searchPage(this.#db, this.#outbox, req);
  }

  /**
   * Runs `fn` on one read snapshot of the cache, so that several searches (the pages `sdesk search`
   * streams) see the same recordings whatever a sync elsewhere writes meanwhile. Only for a session that
   * nothing else uses until `fn` settles (the CLI's): the snapshot is the connection's.
   */
  readSnapshot<T>(fn: () => Promise<T> | T): Promise<T> {
    return inReadSnapshot(this.#db.sqlite, fn);
  }

  /** One cached recording: the server's copy, its queued edit, and the edit laid over it; or undefined. */
  show(uuid: string): RecordingDetail | undefined {
    return showRecording(this.#db.recordings, this.#outbox, uuid);
  }

  /** Every cached recording, newest first, as the server sent it. Streams: memory stays flat. */
  *allRecordings(): Generator<Record<string, unknown>> {
    for (const raw of this.#db.recordings.iterateRaw()) yield JSON.parse(raw) as Record<string, unknown>;
  }

  /** The overview's numbers (per week, durations, top sources), from one snapshot of the cache. */
  overview(): Overview {
    return readOverview(this.#db.sqlite);
  }

  /** When the last sync completed, how many recordings are cached, and what the last sync kept. */
  cacheStatus(): CacheStatus {
    const lastSyncAt = this.#db.meta.getNumber(META_KEYS.lastSyncCompletedAt) ?? null;
    return {
      lastSyncAt: lastSyncAt === null ? null : Math.max(0, Math.floor(lastSyncAt)),
      cached: this.#db.recordings.count(),
      kept: keptByLastSync(this.#db.meta),
    };
  }

  /** True while the search index is being merged after a sync (searches work meanwhile). */
  get mergingIndex(): boolean {
    return this.#indexMerge !== null;
  }

  /**
   * Resolves once the work a sync leaves running in the background (merging the search index) is over,
   * or as soon as `signal` aborts. The CLI waits for it before exiting; the app never needs to.
   */
  async settled(signal?: AbortSignal): Promise<void> {
    const merge = this.#indexMerge;
    if (merge === null || signal?.aborted) return;
    await new Promise<void>((resolve) => {
      signal?.addEventListener('abort', () => resolve(), { once: true });
      void merge.done.then(resolve);
    });
  }

  #startIndexMergeIfDue(total: number): void {
    if (this.#indexMerge !== null || !needsIndexMerge(this.#db.meta, total)) return;
    const controller = new AbortController();
    // Started on the next turn, so that the sync's caller has its summary before the first slice runs.
    // A merge that fails (a full disk, say) rolls its slice back and leaves a valid index; the count of
    // reindexed recordings stays, so the next sync tries again.
    const done = new Promise((resolve) => setImmediate(resolve))
      .then(() => (controller.signal.aborted ? undefined : mergeSearchIndex(this.#db, controller.signal)))
      .then(
        () => undefined,
        () => undefined,
      );
    const merge = { controller, done };
    this.#indexMerge = merge;
    void done.then(() => {
      if (this.#indexMerge === merge) this.#indexMerge = null;
    });
  }

  async #stopIndexMerge(): Promise<void> {
    const merge = this.#indexMerge;
    if (merge === null) return;
    merge.controller.abort();
    await merge.done;
  }

  close(): void {
    this.#indexMerge?.controller.abort(); // it stops before its next slice, on seeing the connection closed
    this.#db.close();
  }
}
