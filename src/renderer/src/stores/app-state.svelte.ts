// The app-wide state the shell shows: account, sync status and progress, connectivity and outbox
// counts. Filled from the service at start and kept current by its events; nothing here is the source
// of truth (the service's database is), it is what the screen shows of it.
import type {
  AccountState,
  AppInfo,
  IpcError,
  OutboxCounts,
  SyncProgress,
  SyncStatus,
} from '@shared/contract';
import { api } from './api';
import { nav } from './nav.svelte';
import { search } from './search.svelte';
import { toasts } from './toasts.svelte';

/** Least time between two refreshes of the list during a sync. */
const SYNC_TICK_MS = 2_000;

class AppState {
  /** Null until the service has answered. */
  account = $state<AccountState | null>(null);
  /** Why the account state could not be read (the app cannot start without it). */
  startError = $state<IpcError | null>(null);
  info = $state<AppInfo | null>(null);
  sync = $state<SyncStatus | null>(null);
  progress = $state<SyncProgress | null>(null);
  online = $state(true);
  outbox = $state<OutboxCounts>({ pending: 0, failed: 0, conflict: 0 });
  /** Bumped whenever cached data may have changed (a sync ended, an edit was queued or settled). */
  dataVersion = $state(0);
  /** The last "Sync now" failed: shown in the status bar until the next sync. */
  syncError = $state<IpcError | null>(null);
  /**
   * Bumped now and then while a sync brings in records, so a long first sync (100,000 recordings
   * take minutes) fills the list as it goes instead of at the end.
   */
  syncTick = $state(0);
  private lastTickAt = 0;
  /** An app update downloaded and waiting for a restart (the status bar offers it). */
  updateVersion = $state<string | null>(null);
  /** "Restart to update" was clicked: the app restarts once no sync or push runs. */
  updateInstalling = $state(false);

  /** True when a queued edit waits, failed or conflicts. */
  get outboxTotal(): number {
    return this.outbox.pending + this.outbox.failed + this.outbox.conflict;
  }

  private started = false;

  /** Loads the first state and subscribes to the service's events. Returns the unsubscribe. */
  start(): () => void {
    if (this.started) return () => {};
    this.started = true;
    const offs = [
      api.on('account:changed', (a) => this.setAccount(a)),
      api.on('sync:status', (s) => this.applyStatus(s)),
      api.on('sync:progress', (p) => {
        this.progress = p.phase === 'done' ? null : p;
        const now = Date.now();
        if (p.records > 0 && now - this.lastTickAt >= SYNC_TICK_MS) {
          this.lastTickAt = now;
          this.syncTick++;
        }
      }),
      api.on('connectivity', ({ online }) => {
        this.online = online;
      }),
      api.on('outbox:changed', (c) => {
        this.outbox = c;
        this.dataVersion++;
      }),
      api.on('outbox:problem', (p) => {
        toasts.show(p.message, 'error', { label: 'Open outbox', view: 'outbox' });
      }),
      api.on('update:ready', ({ version }) => {
        this.updateVersion = version;
      }),
    ];
    void this.load();
    return () => {
      for (const off of offs) off();
      this.started = false;
    };
  }

  private applyStatus(s: SyncStatus): void {
    const previous = this.sync;
    this.sync = s;
    this.online = s.online;
    if (!s.running) this.progress = null;
    else if (s.progress) this.progress = s.progress;
    // A finished sync (or a changed count) means the cache changed: views refetch.
    if (previous && (previous.lastSyncAt !== s.lastSyncAt || previous.cached !== s.cached))
      this.dataVersion++;
    if (previous?.running && !s.running && s.lastSyncAt !== previous.lastSyncAt) this.syncError = null;
  }

  /** Reads the account (and, when signed in, the rest). */
  async load(): Promise<void> {
    const [account, info, update] = await Promise.all([
      api['account:state']({}),
      api['app:info']({}),
      api['update:state']({}),
    ]);
    if (info.ok) this.info = info.value;
    if (update.ok && update.value.readyVersion !== null) this.updateVersion = update.value.readyVersion;
    if (!account.ok) {
      this.startError = account.error;
      return;
    }
    this.startError = null;
    this.account = account.value;
    if (account.value.signedIn) await this.loadSignedIn();
  }

  /** Reads sync status and outbox counts after a sign-in. */
  async loadSignedIn(): Promise<void> {
    const [status, counts] = await Promise.all([api['sync:status']({}), api['outbox:counts']({})]);
    if (status.ok) this.applyStatus(status.value);
    if (counts.ok) this.outbox = counts.value;
    this.dataVersion++;
  }

  /** Takes a new account state (from a sign-in or sign-out, or the service's event). */
  setAccount(a: AccountState): void {
    const previous = this.account;
    this.account = a;
    const switched = previous?.accountId !== a.accountId || previous?.signedIn !== a.signedIn;
    if (!switched) return;
    // Another account (or none): nothing of the last one may stay on screen.
    search.reset();
    nav.close();
    nav.go('recordings');
    this.sync = null;
    this.progress = null;
    this.syncError = null;
    this.outbox = { pending: 0, failed: 0, conflict: 0 };
    if (a.signedIn) void this.loadSignedIn();
  }

  /** Restarts into the downloaded update; the service waits for a running sync or push first. */
  async restartToUpdate(): Promise<void> {
    this.updateInstalling = true;
    const r = await api['update:install']({});
    if (!r.ok) {
      this.updateInstalling = false;
      toasts.show(`Could not install the update: ${r.error.message}`, 'error');
    }
  }

  /** Runs a sync now; a sync already running is not an error. */
  async syncNow(): Promise<void> {
    this.syncError = null;
    const r = await api['sync:now']({});
    if (!r.ok && r.error.code !== 'busy') this.syncError = r.error;
    const status = await api['sync:status']({});
    if (status.ok) this.applyStatus(status.value);
    this.dataVersion++;
  }
}

/** The one app state. */
export const app = new AppState();
