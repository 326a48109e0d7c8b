// The app-wide state: which account (and its window state, stores/account.svelte.ts), connectivity,
// the app's own info and updates. Filled from the service at start and kept current by its events;
// nothing here is the source of truth (the service's database is), it is what the screen shows of it.
import type { AccountState, AppInfo, IpcError, RendererApi } from '@shared/contract';
import { AccountScope } from './account.svelte';

/** The window's state above any one account. */
export class AppState {
  /** Null until the service has answered. */
  account = $state<AccountState | null>(null);
  /**
   * The signed-in account's window state; a new one for each account, null when signed out. Raw: the
   * object is replaced, never changed in place, and its own fields are reactive.
   */
  scope = $state.raw<AccountScope | null>(null);
  /** Why the account state could not be read (the app cannot start without it). */
  startError = $state<IpcError | null>(null);
  info = $state<AppInfo | null>(null);
  online = $state(true);
  /** An app update downloaded and waiting for a restart (the status bar offers it). */
  updateVersion = $state<string | null>(null);
  /** "Restart to update" was clicked: the app restarts once no sync or push runs. */
  updateInstalling = $state(false);
  readonly #api: RendererApi;
  #started = false;

  constructor(api: RendererApi) {
    this.#api = api;
  }

  /** Loads the first state and subscribes to the service's events. Returns the unsubscribe. */
  start(): () => void {
    if (this.#started) return () => {};
    this.#started = true;
    const offs = [
      this.#api.on('account:changed', (a) => this.setAccount(a)),
      this.#api.on('sync:status', (s) => {
        this.online = s.online;
      }),
      this.#api.on('connectivity', ({ online }) => {
        this.online = online;
      }),
      this.#api.on('update:ready', ({ version }) => {
        this.updateVersion = version;
      }),
    ];
    void this.load();
    return () => {
      for (const off of offs) off();
      this.scope?.dispose();
      this.#started = false;
    };
  }

  /** Reads the account (and, when signed in, the rest). */
  async load(): Promise<void> {
    const [account, info, update] = await Promise.all([
      this.#api['account:state']({}),
      this.#api['app:info']({}),
      this.#api['update:state']({}),
    ]);
    if (info.ok) this.info = info.value;
    if (update.ok && update.value.readyVersion !== null) this.updateVersion = update.value.readyVersion;
    if (!account.ok) {
      this.startError = account.error;
      return;
    }
    this.startError = null;
    this.setAccount(account.value);
  }

  /**
   * Takes a new account state (from a sign-in or sign-out, or the service's event). Another account, or
   * none, gets a window state of its own: nothing of the last one stays on screen.
   */
  setAccount(a: AccountState): void {
    const previous = this.account;
    this.account = a;
    const switched =
      this.scope === null
        ? a.signedIn
        : previous?.accountId !== a.accountId || previous?.signedIn !== a.signedIn;
    if (!switched) return;
    this.scope?.dispose();
    this.scope = a.signedIn ? new AccountScope(this.#api) : null;
    void this.scope?.load();
  }

  /** Restarts into the downloaded update once no sync or push runs; the refusal, if any. */
  async restartToUpdate(): Promise<IpcError | null> {
    this.updateInstalling = true;
    const r = await this.#api['update:install']({});
    if (r.ok) return null;
    this.updateInstalling = false;
    return r.error;
  }
}
