// The signed-in account: signing in (token checked against the server, then kept in the keychain),
// the demo account, restoring the last account at start, signing out. One account at a time, and the
// old one is closed before the next opens, so nothing of the previous account can ever be served.
// Sign-ins and sign-outs run one after another, never interleaved.
import type { AccountState } from '../../shared/contract';
import { ScreendeskClient, normalizeBaseUrl } from '../api';
import type { ScreendeskClientOptions } from '../api';
import { deleteAccountCache } from '../db';
import { startDemoServer } from '../demo';
import { MemorySecretStore, SecretStoreError } from '../secrets';
import type { SecretStore } from '../secrets';
import { AccountSession } from '../session';
import { ServiceError } from './errors';
import type { Logger } from '../log/logger';
import type { SettingsStore } from './settings-file';

/** Client tuning shared by every session the service opens. */
export type SessionClientOptions = Omit<ScreendeskClientOptions, 'baseUrl' | 'token' | 'fetch' | 'onRetry'>;

/** The account in use. `epoch` changes with every switch: work of an older epoch is stale. */
export interface ActiveAccount {
  readonly epoch: number;
  readonly session: AccountSession;
  readonly apiUrl: string;
  readonly demo: boolean;
  readonly tokenStorage: 'keychain' | 'memory';
}

/**
 * The demo server as the accounts use it. It runs where the door wants it: with the service by default,
 * on the browser host's own thread there (tests reach its data and faults; src/main/threads/).
 */
export interface DemoHandle {
  readonly url: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

/** Starts a demo server on 127.0.0.1 (port 0: any free port). */
export type DemoStarter = (opts: { port: number; recordings?: number }) => Promise<DemoHandle>;

/** Options of Accounts. */
export interface AccountsOptions {
  dataDir: string;
  secrets: SecretStore;
  /** Why the keychain is not usable (openSecretStore's warning), or null. */
  keychainWarning: string | null;
  fetch: typeof fetch;
  client?: SessionClientOptions;
  log: Logger;
  settings: SettingsStore;
  /** Demo data size ("Try demo data"). */
  demoRecordings?: number;
  /** Where the demo server runs (default: here, startDemoServer). */
  startDemo?: DemoStarter;
  /** Called before the active account closes: stop and await its work. */
  beforeClose: (active: ActiveAccount) => Promise<void>;
  /** Called after every switch (null: signed out). */
  onSwitch: (active: ActiveAccount | null) => void;
}

/** Owns the active account and its token. */
export class Accounts {
  #active: ActiveAccount | null = null;
  #demo: DemoHandle | null = null;
  #epoch = 0;
  // Tokens kept for this session only: the demo's, and any the keychain refused to store.
  readonly #sessionTokens = new MemorySecretStore();
  #keychainWarning: string | null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: AccountsOptions) {
    this.#keychainWarning = opts.keychainWarning;
  }

  /** The account in use, or null. */
  get active(): ActiveAccount | null {
    return this.#active;
  }

  /** The account as the UI shows it; `canEdit`, `needsToken` and `queuePaused` are its session's flags. */
  state(): AccountState {
    const a = this.#active;
    const settings = this.opts.settings.get();
    return {
      signedIn: a !== null,
      apiUrl: a?.apiUrl ?? settings.lastApiUrl,
      accountId: a?.session.accountId ?? null,
      demo: a?.demo ?? false,
      canEdit: a ? a.session.canEdit() : null,
      tokenStorage: a?.tokenStorage ?? null,
      keychainWarning: a?.demo ? null : this.#keychainWarning,
      needsToken: a ? a.session.needsToken() : false,
      queuePaused: a ? (a.session.queuePause()?.message ?? null) : null,
    };
  }

  /** Reopens the last account: its token from the keychain, no network needed (offline start). */
  restore(): Promise<void> {
    return this.#serial(async () => {
      const last = this.opts.settings.get().lastAccount;
      if (last === null) return;
      if (last.demo) {
        await this.#openDemo();
        return;
      }
      let token: string | null = null;
      try {
        token = (await this.opts.secrets.get(last.apiUrl)) ?? (await this.#sessionTokens.get(last.apiUrl));
      } catch (error) {
        this.opts.log.warn('Could not read the token from the keychain at start', error);
        if (error instanceof SecretStoreError) this.#keychainWarning = keychainFallbackWarning(error);
      }
      if (token === null) return;
      this.opts.log.addSecret(token);
      const storage = this.opts.secrets.kind === 'keychain' ? 'keychain' : 'memory';
      this.#open(last.apiUrl, token, false, storage);
    });
  }

  /** Checks the token with the server, keeps it (keychain, else this session only), switches to it. */
  signIn(apiUrl: string, token: string): Promise<void> {
    return this.#serial(async () => {
      let url: string;
      try {
        url = normalizeBaseUrl(apiUrl);
      } catch (error) {
        throw new ServiceError('validation', error instanceof Error ? error.message : 'Not a valid API URL');
      }
      const clean = token.trim();
      this.opts.log.addSecret(clean);
      const client = new ScreendeskClient({
        ...this.opts.client,
        baseUrl: url,
        token: clean,
        fetch: this.opts.fetch,
      });
      await client.verifyToken();
      const storage = await this.#keep(url, clean);
      // A new token for a server that refused the old one (401): the old cache's queued edits were
      // waiting for exactly this, and move to the new token's cache instead of being stranded.
      const previous = this.#active;
      const adoptFrom =
        previous && !previous.demo && previous.apiUrl === url && previous.session.needsToken()
          ? previous.session.accountId
          : null;
      await this.#closeActive();
      this.#open(url, clean, false, storage, adoptFrom);
    });
  }

  /** Starts the built-in demo server on 127.0.0.1 and signs in to it as its admin. */
  signInDemo(): Promise<void> {
    return this.#serial(async () => {
      await this.#closeActive();
      await this.#openDemo();
    });
  }

  /** Signs out: forgets the token (keychain included), closes the cache, deletes it if asked. */
  signOut(deleteCache: boolean): Promise<void> {
    return this.#serial(async () => {
      const closed = await this.#closeActive();
      this.opts.settings.update({ lastAccount: null });
      this.opts.onSwitch(null);
      if (closed === null) return;
      if (deleteCache) deleteAccountCache(this.opts.dataDir, closed.session.accountId);
      await this.#sessionTokens.delete(closed.apiUrl);
      if (!closed.demo) await this.opts.secrets.delete(closed.apiUrl);
    });
  }

  /** Closes the active account and the demo server (app quit). */
  close(): Promise<void> {
    return this.#serial(async () => {
      await this.#closeActive();
    });
  }

  /** The demo server in use, if any (tests reach its faults and data through this). */
  get demoServer(): DemoHandle | null {
    return this.#demo;
  }

  async #keep(apiUrl: string, token: string): Promise<'keychain' | 'memory'> {
    if (this.opts.secrets.kind === 'keychain') {
      try {
        await this.opts.secrets.set(apiUrl, token);
        await this.#sessionTokens.delete(apiUrl);
        return 'keychain';
      } catch (error) {
        // A locked or refusing keyring: the user can still work, and is told the token will not last.
        this.opts.log.warn('The keychain refused the token; keeping it for this session only', error);
        this.#keychainWarning =
          error instanceof SecretStoreError ? keychainFallbackWarning(error) : this.#keychainWarning;
      }
    } else {
      await this.opts.secrets.set(apiUrl, token);
    }
    await this.#sessionTokens.set(apiUrl, token);
    return 'memory';
  }

  async #openDemo(): Promise<void> {
    const settings = this.opts.settings.get();
    const server = await startDemo(
      this.opts.startDemo ?? startDemoServer,
      settings.demoPort,
      this.opts.demoRecordings,
    );
    this.#demo = server;
    const port = Number(new URL(server.url).port);
    await this.#sessionTokens.set(server.url, server.adminToken);
    const previous = settings.lastAccount;
    const active = this.#open(server.url, server.adminToken, true, 'memory');
    // Another port means another cache id: drop the demo cache the old port left behind.
    if (previous?.demo && previous.accountId && previous.accountId !== active.session.accountId) {
      deleteAccountCache(this.opts.dataDir, previous.accountId);
    }
    this.opts.settings.update({ demoPort: port });
  }

  #open(
    apiUrl: string,
    token: string,
    demo: boolean,
    storage: 'keychain' | 'memory',
    adoptFrom: string | null = null,
  ): ActiveAccount {
    const session = new AccountSession({
      dataDir: this.opts.dataDir,
      apiUrl,
      token,
      fetch: this.opts.fetch,
      client: this.opts.client,
    });
    if (adoptFrom !== null && adoptFrom !== session.accountId) {
      try {
        const moved = session.adoptEditsFrom(adoptFrom);
        if (moved > 0) this.opts.log.info(`Moved ${moved} queued edits to the new token's cache`);
      } catch (error) {
        // The edits stay safe in the old cache; the new account still opens.
        this.opts.log.error('Could not move the queued edits to the new token', error);
      }
    }
    const active: ActiveAccount = { epoch: ++this.#epoch, session, apiUrl, demo, tokenStorage: storage };
    this.#active = active;
    this.opts.settings.update({
      lastAccount: { apiUrl, demo, accountId: session.accountId },
      ...(demo ? {} : { lastApiUrl: apiUrl }),
    });
    this.opts.onSwitch(active);
    return active;
  }

  async #closeActive(): Promise<ActiveAccount | null> {
    const active = this.#active;
    if (active !== null) {
      // Unset first: from here on every call answers "not signed in" instead of the old data.
      this.#active = null;
      await this.opts.beforeClose(active);
      active.session.close();
    }
    if (this.#demo !== null) {
      const demo = this.#demo;
      this.#demo = null;
      await demo.close();
    }
    return active;
  }

  #serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(op, op);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

async function startDemo(
  start: DemoStarter,
  port: number | null,
  recordings: number | undefined,
): Promise<DemoHandle> {
  if (port !== null) {
    try {
      return await start({ port, recordings });
    } catch {
      // The port is taken now: any free port will do (the cache starts over).
    }
  }
  return start({ port: 0, recordings });
}

function keychainFallbackWarning(error: SecretStoreError): string {
  return `${error.message}. Your token is kept for this session only and will be asked for again next time.`;
}
