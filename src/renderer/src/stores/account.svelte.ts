// Everything the window holds for the signed-in account: where the user is, the search, the queued
// edits, the sync's status and progress, the toasts, and what of the cache changed. AppState makes a
// new one for each account (and none when signed out), so nothing of one account can stay on screen
// for the next: there is nothing to reset, the old one is dropped whole.
import type { IpcError, RendererApi, SyncProgress, SyncStatus } from '@shared/contract';
import { CacheChanges } from './cache-changes.svelte';
import { Nav } from './nav.svelte';
import { OutboxStore } from './outbox.svelte';
import { SearchState } from './search.svelte';
import { Toasts } from './toasts.svelte';

/** Least time between two refreshes of the list while a sync brings in new recordings. */
const SYNC_TICK_MS = 2_000;

/** One signed-in account's window state. */
export class AccountScope {
  readonly nav = new Nav();
  readonly toasts = new Toasts();
  readonly changes = new CacheChanges();
  readonly search: SearchState;
  readonly outbox: OutboxStore;
  sync = $state<SyncStatus | null>(null);
  progress = $state<SyncProgress | null>(null);
  /** The last "Sync now" failed: shown in the status bar until the next sync. */
  syncError = $state<IpcError | null>(null);
  readonly #api: RendererApi;
  readonly #offs: (() => void)[];
  #lastTickAt = 0;
  /** Recordings cached when the running sync started: more stored by it means some are new. */
  #cachedAtStart = 0;

  constructor(api: RendererApi) {
    this.#api = api;
    this.search = new SearchState(api);
    this.outbox = new OutboxStore(api, (uuids) => this.#recordingsChanged(uuids));
    this.#offs = [
      api.on('sync:status', (s) => this.#applyStatus(s)),
      api.on('sync:progress', (p) => this.#applyProgress(p)),
      api.on('outbox:changed', (c) => void this.outbox.changed(c)),
      api.on('outbox:problem', (p) => {
        this.toasts.show(p.message, 'error', { label: 'Open outbox', run: () => this.nav.go('outbox') });
      }),
      // The cache's thread was started again: say so, and read everything anew (nothing queued is lost).
      api.on('service:restarted', ({ message }) => {
        this.toasts.show(message, 'error');
        void this.load();
        void this.search.run(true);
      }),
    ];
  }

  /** Reads the sync status and the queued edits. */
  async load(): Promise<void> {
    const [status] = await Promise.all([this.#api['sync:status']({}), this.outbox.load()]);
    if (status.ok) this.#applyStatus(status.value);
  }

  /** Stops listening to the service (the account was switched or signed out). */
  dispose(): void {
    for (const off of this.#offs) off();
  }

  /** Runs a sync now; a sync already running is not an error. */
  async syncNow(): Promise<void> {
    this.syncError = null;
    const r = await this.#api['sync:now']({});
    if (!r.ok && r.error.code !== 'busy') this.syncError = r.error;
    const status = await this.#api['sync:status']({});
    if (status.ok) this.#applyStatus(status.value);
  }

  #applyStatus(s: SyncStatus): void {
    const previous = this.sync;
    this.sync = s;
    if (!s.running) this.progress = null;
    else if (s.progress) this.progress = s.progress;
    if (s.running && !previous?.running) this.#cachedAtStart = s.cached;
    // Only a sync that added, changed or removed recordings refreshes what shows them.
    if (previous && s.cacheRevision !== previous.cacheRevision) {
      this.changes.allChanged();
      void this.search.run(true);
    }
    if (previous?.running && !s.running && s.lastSyncAt !== previous.lastSyncAt) this.syncError = null;
  }

  #applyProgress(p: SyncProgress): void {
    this.progress = p.phase === 'done' ? null : p;
    // A long first sync (100,000 recordings take minutes) fills the list as it goes, now and then. It
    // refreshes only once this sync has stored more recordings than were cached: then some are new.
    const now = Date.now();
    if (p.records > this.#cachedAtStart && now - this.#lastTickAt >= SYNC_TICK_MS) {
      this.#lastTickAt = now;
      void this.search.run(true);
    }
  }

  /** Queued edits changed for these recordings: their views and their rows of the list refresh. */
  #recordingsChanged(uuids: string[]): void {
    this.changes.recordingsChanged(uuids);
    void this.search.refreshRecordings(uuids);
  }
}
