// The service behind the three doors (Electron IPC, the browser host, the CLI's core): one method per
// request channel of the IPC contract, events through an injected sink. Plain Node: the Electron glue
// injects net.fetch, the OS network signal and shell.openExternal; tests inject timers.
import type {
  AccountState,
  AppInfo,
  ArgsOf,
  EventSink,
  IpcError,
  OutboxCounts,
  OutboxItem,
  Overview,
  RecordingDetail,
  SearchResult,
  ServiceHandlers,
  Settings,
  SyncProgress,
  SyncStatus,
  SyncSummary,
  UpdateState,
} from '../../shared/contract';
import { APP_NAME } from '../../shared/app';
import { externalLinkProblem } from '../../shared/links';
import { isApiError } from '../api';
import type { CacheRef } from '../cache-reader';
import type { ActiveAccount, DemoHandle, DemoStarter, SessionClientOptions } from './accounts';
import { Accounts } from './accounts';
import { ConnectivityMonitor } from './connectivity';
import { notSignedIn, ServiceError } from './errors';
import type { Logger } from '../log/logger';
import { nullLogger } from '../log/logger';
import { problemMessage, ProblemTracker } from './problems';
import { readChannels } from './read-channels';
import { updateChannels } from './update-channels';
import type { UpdateHandlers, UpdatesDoor } from './update-channels';
import { SyncScheduler } from './scheduler';
import { SettingsStore } from './settings-file';
import type { Timers } from './timers';
import { realTimers } from './timers';
import type { SecretStore } from '../secrets';
import type { PushSummary } from '../session';

/** Everything the doors hand the service. */
export interface DesktopServiceOptions {
  /** The data folder shared with the CLI (caches, settings.json). */
  dataDir: string;
  /** Where tokens are kept: openSecretStore's store (keychain, or memory when there is none). */
  secrets: SecretStore;
  /** openSecretStore's warning when the keychain is unusable: shown with the account state. */
  keychainWarning?: string | null;
  /** Where events go (IPC to the window, or every WebSocket of the browser host). */
  events: EventSink;
  /** Which door: 'electron' or 'browser'. */
  host: AppInfo['host'];
  /** The app's version for app:info. */
  version: string;
  /** Opens an https URL outside the app (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void> | void;
  /** The HTTP implementation: Electron's net.fetch in the app, the global fetch elsewhere. */
  fetch?: typeof fetch;
  log?: Logger;
  timers?: Timers;
  /** Client tuning (tests shorten timeouts and retries). */
  client?: SessionClientOptions;
  /** Time between reachability probes while offline (default 30 s). */
  probeIntervalMs?: number;
  /** Recordings in the demo data set (default 250). */
  demoRecordings?: number;
  /** Where the demo server runs (default: in this thread). */
  startDemo?: DemoStarter;
  /**
   * Another thread reading the active account's cache on its own connection (the reader thread of
   * src/main/threads/): told which cache is active at every switch, and asked to let go of it before
   * that cache closes (a file still open elsewhere cannot be deleted on Windows).
   */
  readers?: CacheReaders;
  /** App updates (the packaged app with a release feed; none elsewhere). */
  updates?: UpdatesDoor;
  /**
   * How a failed sync or push appears in the status bar: the IPC layer's toIpcError, handed down by
   * the door, because the service throws coded errors and the layer above it maps them.
   */
  describeError: (error: unknown, log: Logger, context: string) => IpcError;
}

/** See DesktopServiceOptions.readers. */
export interface CacheReaders {
  open(cache: CacheRef | null): void;
  release(): Promise<void>;
}

/** The one service all doors call. */
export class DesktopService implements ServiceHandlers {
  readonly #opts: DesktopServiceOptions;
  readonly #log: Logger;
  readonly #settings: SettingsStore;
  readonly #accounts: Accounts;
  readonly #connectivity: ConnectivityMonitor;
  readonly #scheduler: SyncScheduler<SyncSummary, PushSummary>;
  readonly #problems = new ProblemTracker();
  readonly #reads = readChannels(() => this.#active().session);
  readonly #updates: UpdateHandlers;
  #abort = new AbortController();
  #progress: SyncProgress | null = null;
  #lastError: IpcError | null = null;
  // Set by the sync itself, so the status it reports at its start and its end is already right.
  #syncing = false;
  // SyncStatus.cacheRevision: grows with each sync that changed cached recordings.
  #cacheRevision = 0;

  constructor(opts: DesktopServiceOptions) {
    this.#opts = opts;
    this.#log = opts.log ?? nullLogger;
    this.#settings = new SettingsStore(opts.dataDir);
    this.#updates = updateChannels(opts.updates);
    const timers = opts.timers ?? realTimers;
    const rawFetch = opts.fetch ?? globalThis.fetch;
    this.#connectivity = new ConnectivityMonitor({
      timers,
      probeIntervalMs: opts.probeIntervalMs ?? 30_000,
      probe: () => this.#probe(rawFetch),
      onChange: (online) => this.#onConnectivity(online),
    });
    this.#accounts = new Accounts({
      dataDir: opts.dataDir,
      secrets: opts.secrets,
      keychainWarning: opts.keychainWarning ?? null,
      fetch: this.#observe(rawFetch),
      client: opts.client,
      log: this.#log,
      settings: this.#settings,
      demoRecordings: opts.demoRecordings,
      startDemo: opts.startDemo,
      beforeClose: async () => {
        await this.#stopWork();
        await opts.readers?.release();
      },
      onSwitch: (active) => this.#onSwitch(active),
    });
    this.#scheduler = new SyncScheduler({
      timers,
      runSync: (manual) => this.#runSync(manual),
      runPush: (manual) => this.#runPush(manual),
      canRunScheduled: () => this.#accounts.active !== null && this.#connectivity.online,
    });
  }

  // A sink that throws (a window closing mid-send) must not turn a sync or an edit into a failure.
  #emit: EventSink = (event, payload) => {
    try {
      this.#opts.events(event, payload);
    } catch (error) {
      this.#log.warn(`Could not deliver the ${event} event`, error);
    }
  };

  /** Restores the last account and starts background syncs (the first one at once). */
  async start(): Promise<void> {
    this.#scheduler.setIntervalMinutes(this.#settings.get().syncIntervalMinutes);
    try {
      await this.#accounts.restore();
    } catch (error) {
      this.#log.error('Could not restore the last account', error);
    }
  }

  /** The OS's network signal, from the Electron glue (net.isOnline). */
  setOsOnline(online: boolean): void {
    this.#connectivity.setOsOnline(online);
  }

  /** Stops timers and work, closes the account (app quit, host shutdown). */
  async close(): Promise<void> {
    this.#scheduler.stop();
    this.#connectivity.close();
    await this.#accounts.close();
  }

  /** Resolves once no sync or push runs (an update restart waits for it). */
  async whenIdle(): Promise<void> {
    while (this.#scheduler.busy) await this.#scheduler.idle();
  }

  /** The demo server of a demo sign-in (tests use it to change data or inject faults). */
  get demoServer(): DemoHandle | null {
    return this.#accounts.demoServer;
  }

  // ── Request channels ────────────────────────────────────────────────────────────────────────

  'app:info'(): AppInfo {
    return {
      name: APP_NAME,
      version: this.#opts.version,
      platform: process.platform,
      dataDir: this.#opts.dataDir,
      host: this.#opts.host,
    };
  }

  'account:state'(): AccountState {
    return this.#accounts.state();
  }

  async 'account:signIn'(args: ArgsOf<'account:signIn'>): Promise<AccountState> {
    await this.#accounts.signIn(args.apiUrl, args.token);
    return this.#accounts.state();
  }

  async 'account:signInDemo'(): Promise<AccountState> {
    await this.#accounts.signInDemo();
    return this.#accounts.state();
  }

  async 'account:signOut'(args: ArgsOf<'account:signOut'>): Promise<AccountState> {
    await this.#accounts.signOut(args.deleteCache);
    return this.#accounts.state();
  }

  async 'sync:now'(): Promise<SyncSummary> {
    this.#active();
    return this.#scheduler.syncNow();
  }

  'sync:status'(): SyncStatus {
    return this.#syncStatus();
  }

  'search:query'(args: ArgsOf<'search:query'>): SearchResult {
    return this.#reads['search:query'](args);
  }

  'recording:get'(args: ArgsOf<'recording:get'>): RecordingDetail | null {
    return this.#reads['recording:get'](args);
  }

  'outbox:list'(): OutboxItem[] {
    return this.#active().session.outboxList();
  }

  'outbox:counts'(): OutboxCounts {
    return this.#counts(this.#active());
  }

  'outbox:edit'(args: ArgsOf<'outbox:edit'>): OutboxItem | null {
    const active = this.#active();
    const item = active.session.queueEdit(args.uuid, args.fields, args.from);
    this.#outboxChanged(active);
    // Online: send it now rather than at the next sync (unless the server asked to wait).
    this.#pushIfAllowed();
    return item;
  }

  'outbox:retry'(args: ArgsOf<'outbox:retry'>): null {
    const active = this.#active();
    active.session.retryEdit(args.id);
    this.#outboxChanged(active);
    this.#pushIfAllowed();
    return null;
  }

  'outbox:discard'(args: ArgsOf<'outbox:discard'>): null {
    const active = this.#active();
    active.session.discardEdit(args.id);
    this.#outboxChanged(active);
    return null;
  }

  'outbox:resolve'(args: ArgsOf<'outbox:resolve'>): null {
    const active = this.#active();
    active.session.resolveEdit(args.id, args.choice);
    this.#outboxChanged(active);
    this.#pushIfAllowed();
    return null;
  }

  async 'outbox:push'(): Promise<OutboxCounts> {
    const active = this.#active();
    await this.#scheduler.pushNow();
    return this.#counts(active);
  }

  'stats:overview'(): Overview {
    return this.#active().session.overview();
  }

  'settings:get'(): Settings {
    return { syncIntervalMinutes: this.#settings.get().syncIntervalMinutes };
  }

  'settings:set'(args: ArgsOf<'settings:set'>): Settings {
    this.#settings.update({ syncIntervalMinutes: args.syncIntervalMinutes });
    this.#scheduler.setIntervalMinutes(args.syncIntervalMinutes);
    return this['settings:get']();
  }

  async 'shell:openExternal'(args: ArgsOf<'shell:openExternal'>): Promise<null> {
    // The renderer offers a link only under this same rule (src/shared/links.ts).
    const problem = externalLinkProblem(args.url);
    if (problem !== null) throw new ServiceError('invalid_arguments', problem);
    await this.#opts.openExternal(new URL(args.url).href);
    return null;
  }

  'update:state'(): UpdateState {
    return this.#updates['update:state']();
  }

  'update:install'(): Promise<null> {
    return this.#updates['update:install']();
  }

  // ── Work ────────────────────────────────────────────────────────────────────────────────────

  async #runSync(manual: boolean): Promise<SyncSummary> {
    const active = this.#active();
    const signal = this.#abort.signal;
    this.#syncing = true;
    this.#progress = { phase: 'pushing', pagesDone: 0, pagesTotal: null, records: 0 };
    this.#emitStatus(active);
    try {
      const result = await active.session.sync({
        signal,
        // The user's "Sync now" sends every edit; a timed sync leaves those still backing off.
        onlyDue: !manual,
        onProgress: (p) => {
          if (!this.#isCurrent(active)) return;
          this.#progress = p;
          this.#emit('sync:progress', p);
        },
      });
      this.#lastError = null;
      // The server answered every request: whatever wait it asked for is over.
      this.#scheduler.hold(null);
      const { anomalies, retryAt, ...summary } = result;
      // An edit of the push phase met a passing failure: it goes again when due, not at the next sync.
      if (retryAt !== null && this.#isCurrent(active)) this.#scheduler.retryPushAt(retryAt);
      if (summary.added + summary.updated + summary.removed > 0) this.#cacheRevision++;
      if (summary.keptReason !== null) {
        this.#log.info(`Sync: ${summary.kept} kept, ${summary.confirmed} confirmed: ${summary.keptReason}`);
      }
      if (anomalies.length > 0) this.#log.info(`Sync: the server's pagination: ${anomalies.join('; ')}`);
      return summary;
    } catch (error) {
      this.#noteFailure(active, error, 'sync');
      throw error;
    } finally {
      this.#syncing = false;
      if (this.#isCurrent(active)) {
        this.#progress = null;
        this.#emitStatus(active);
        this.#outboxChanged(active);
      }
    }
  }

  async #runPush(manual: boolean): Promise<PushSummary> {
    const active = this.#active();
    try {
      const outcome = await active.session.push({ signal: this.#abort.signal, onlyDue: !manual });
      if (this.#isCurrent(active)) {
        if (outcome.rateLimitedUntil !== undefined) this.#holdUntil(active, outcome.rateLimitedUntil);
        if (outcome.retryAt != null) this.#scheduler.retryPushAt(outcome.retryAt);
      }
      return outcome;
    } catch (error) {
      this.#noteFailure(active, error, 'push');
      throw error;
    } finally {
      if (this.#isCurrent(active)) this.#outboxChanged(active);
    }
  }

  /** Sends the queue now when online and the server has not asked to wait (its outcome shows in the outbox). */
  #pushIfAllowed(): void {
    if (!this.#connectivity.online || this.#scheduler.heldUntil !== null) return;
    this.#scheduler.pushNow().catch(() => undefined);
  }

  /** The server asked to wait until `at`: automatic work waits, and the status bar says until when. */
  #holdUntil(active: ActiveAccount, at: number): void {
    if (at <= Date.now()) return;
    this.#scheduler.hold(at);
    this.#emitStatus(active);
  }

  #noteFailure(active: ActiveAccount, error: unknown, what: string): void {
    if (!this.#isCurrent(active) || isApiError(error, 'cancelled')) return;
    if (isApiError(error, 'network', 'timeout')) this.#connectivity.reportUnreachable();
    // The session remembers the 401 (needsToken); the UI learns it now.
    if (isApiError(error, 'auth')) this.#emitAccount();
    if (isApiError(error) && error.retryAt !== undefined) this.#holdUntil(active, error.retryAt);
    this.#lastError = this.#opts.describeError(error, this.#log, what);
  }

  /** Aborts the active account's work and waits for it, before its session closes. */
  async #stopWork(): Promise<void> {
    this.#scheduler.cancelRetry();
    this.#abort.abort();
    await this.#scheduler.idle();
    this.#abort = new AbortController();
  }

  // ── Connectivity ────────────────────────────────────────────────────────────────────────────

  /** The client's fetch, watched: any HTTP answer proves the server reachable. */
  #observe(fetchImpl: typeof fetch): typeof fetch {
    return async (input, init) => {
      const response = await fetchImpl(input, init);
      this.#connectivity.reportAnswer();
      return response;
    };
  }

  /** A cheap request without the token: HEAD on the API base; any HTTP answer means reachable. */
  #probe(fetchImpl: typeof fetch): Promise<boolean> | null {
    const active = this.#accounts.active;
    if (active === null) return null;
    return fetchImpl(active.apiUrl, { method: 'HEAD', signal: AbortSignal.timeout(10_000) }).then(
      async (res) => {
        await res.body?.cancel();
        return true;
      },
      () => false,
    );
  }

  #onConnectivity(online: boolean): void {
    this.#emit('connectivity', { online });
    const active = this.#accounts.active;
    if (active !== null) this.#emitStatus(active);
    if (!online || active === null) return;
    // Back online: what waited goes out now (the server's wait aside). A sync missed while offline pushes
    // first, too.
    if (this.#scheduler.heldUntil !== null) return;
    if (this.#scheduler.missed) this.#scheduler.syncNow(false).catch(() => undefined);
    else if (this.#counts(active).pending > 0) this.#scheduler.pushNow(true).catch(() => undefined);
  }

  // ── State and events ────────────────────────────────────────────────────────────────────────

  #onSwitch(active: ActiveAccount | null): void {
    // Before any event: the window reads the new account's cache as soon as it hears of it.
    this.#opts.readers?.open(
      active ? { dataDir: this.#opts.dataDir, accountId: active.session.accountId } : null,
    );
    this.#progress = null;
    this.#scheduler.hold(null);
    this.#lastError = null;
    this.#connectivity.reset();
    this.#problems.prime(active ? active.session.outboxList() : []);
    this.#emitAccount();
    this.#emit('outbox:changed', active ? this.#counts(active) : { pending: 0, failed: 0, conflict: 0 });
    this.#emit('sync:status', this.#syncStatus());
    // A new account syncs at once (push first); the countdown restarts from its end.
    if (active !== null) this.#scheduler.syncNow(false).catch(() => undefined);
  }

  #syncStatus(): SyncStatus {
    const active = this.#accounts.active;
    const cache = active?.session.cacheStatus();
    return {
      running: active !== null && this.#syncing,
      progress: active ? this.#progress : null,
      lastSyncAt: cache?.lastSyncAt ?? null,
      lastError: active ? this.#lastError : null,
      online: this.#connectivity.online,
      cached: cache?.cached ?? 0,
      rateLimitedUntil: active ? this.#scheduler.heldUntil : null,
      kept: cache?.kept ?? null,
      cacheRevision: this.#cacheRevision,
    };
  }

  #counts(active: ActiveAccount): OutboxCounts {
    return active.session.outboxCounts();
  }

  #emitAccount(): void {
    this.#emit('account:changed', this.#accounts.state());
  }

  #emitStatus(active: ActiveAccount): void {
    if (this.#isCurrent(active)) this.#emit('sync:status', this.#syncStatus());
  }

  /** Counts after a change to the queue, plus one 'outbox:problem' per edit that newly went wrong. */
  #outboxChanged(active: ActiveAccount): void {
    if (!this.#isCurrent(active)) return;
    const { session } = active;
    this.#emit('outbox:changed', session.outboxCounts());
    for (const item of this.#problems.newProblems(session.outboxList())) {
      if (item.status === 'pending') continue;
      this.#emit('outbox:problem', {
        id: item.id,
        uuid: item.uuid,
        status: item.status,
        message: problemMessage(item),
      });
    }
    // canEdit / needsToken may have changed with a push.
    this.#emitAccount();
  }

  #isCurrent(active: ActiveAccount): boolean {
    return this.#accounts.active?.epoch === active.epoch;
  }

  #active(): ActiveAccount {
    const active = this.#accounts.active;
    if (active === null) throw notSignedIn();
    return active;
  }
}
