// The door's side of the threads: the door's thread (Electron's main thread, the browser host's) only
// relays. It starts the service thread (service-thread.ts: the DesktopService, the cache's writing
// connection, the sync) and the reader thread (reader-thread.ts: searches and the detail view on a
// read-only connection), sends each call to the one that answers it, passes events to the window, and
// serves what stays with the door (the keychain, the network stack in the app, opening links, the app's
// updater, the browser host's demo server).
//
// A thread that stops unexpectedly (an uncaught error, its heap exhausted) is started again: what was
// queued is on disk already (an edit is committed before its call answers), the calls it was running
// answer an error saying so, and the window is told ('service:restarted'). Three stops within a minute
// and it is left stopped, with that said instead. A crash of native code (SQLite, the keychain) takes the
// whole process with it: threads share it (see docs/architecture.md for why threads, not a process).
import { Worker } from 'node:worker_threads';
import type { EventChannel, EventOf, EventSink, IpcResult } from '../../shared/contract';
import type { CacheRef } from '../cache-reader';
import type { DemoServer } from '../demo';
import { startDemoServer } from '../demo';
import { dispatch } from '../ipc';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets';
import { READ_CHANNELS } from '../service/read-channels';
import type { UpdatesDoor } from '../service/update-channels';
import { updateChannels } from '../service/update-channels';
import type { AppInfo } from '../../shared/contract';
import { serveFetch } from './bridged-fetch';
import { serveSecrets } from './bridged-secrets';
import { ASK, TELL } from './protocol';
import type { ReaderThreadData, ServiceThreadData, ServiceTuning } from './protocol';
import { Rpc } from './rpc';
import type { RunningService } from './start-service';
import { serveLog } from './thread-logger';

/** Where the two threads' code is: the bundled files in the app, the sources (through tsx) elsewhere. */
export interface ThreadEntries {
  service: string | URL;
  reader: string | URL;
  /** Node options of the threads (e.g. tsx's loader for the sources). */
  execArgv?: string[];
}

/** Options of startServiceThreads. */
export interface ServiceThreadsOptions {
  entries: ThreadEntries;
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  /** The door's token store (keychain, or memory); the service thread asks it for each token. */
  secrets: SecretStore;
  keychainWarning?: string | null;
  events: EventSink;
  /** Opens an https link outside the app (the service has checked it against the link rule). */
  openExternal: (url: string) => Promise<void> | void;
  /** The door's HTTP (Electron's net.request); without it the service thread uses its own fetch. */
  fetch?: typeof fetch;
  updates?: UpdatesDoor;
  log: Logger;
  /** Run the demo server on the door's thread (the browser host: tests reach its data and faults). */
  demoOnDoorThread?: boolean;
  /** better-sqlite3's addon for this runtime (Electron's build); default node_modules'. */
  sqliteBinding?: string | null;
  tuning?: ServiceTuning;
  /** Check results against the contract (development and tests). */
  validateResults?: boolean;
}

/** What a call answers while its thread is gone. */
export const RESTARTED_MESSAGE =
  'The app’s background work stopped unexpectedly and was started again. Nothing queued was lost; ' +
  'if what you just did shows an error, try it again.';
const GAVE_UP_MESSAGE =
  'The app’s background work stopped unexpectedly several times. Nothing queued was lost; quit and ' +
  'start the app again (details are in the log file).';
const RESTARTS_PER_MINUTE = 3;

interface Running {
  worker: Worker;
  rpc: Rpc;
  /** Resolves once the thread takes calls; rejects if it stops first. */
  ready: Promise<void>;
}

type Role = 'service' | 'reader';

/** The two threads behind a door. */
export class ServiceThreads implements RunningService {
  readonly #opts: ServiceThreadsOptions;
  readonly #log: Logger;
  readonly #updates;
  readonly #running: Record<Role, Running | null> = { service: null, reader: null };
  readonly #stops: number[] = [];
  // The active account's cache, as the service last said: a restarted reader opens it again.
  #cache: CacheRef | null = null;
  #online: boolean | null = null;
  #closing = false;
  #gaveUp = false;
  #demo: DemoServer | null = null;

  private constructor(opts: ServiceThreadsOptions) {
    this.#opts = opts;
    this.#log = opts.log;
    this.#updates = updateChannels(opts.updates);
  }

  /** Starts both threads; resolves once the service has restored the last account. */
  static async start(opts: ServiceThreadsOptions): Promise<ServiceThreads> {
    const threads = new ServiceThreads(opts);
    threads.#startReader();
    threads.#startService();
    try {
      await Promise.all([threads.#running.reader?.ready, threads.#running.service?.ready]);
    } catch (error) {
      await threads.close();
      throw error;
    }
    return threads;
  }

  /** One request channel: answered here (updates), by the reader (reads) or by the service. */
  async call(channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
    if (channel === 'update:state' || channel === 'update:install') {
      return dispatch(this.#updates, channel, args, {
        log: this.#log,
        validateResults: this.#opts.validateResults,
      });
    }
    const role: Role = (READ_CHANNELS as readonly unknown[]).includes(channel) ? 'reader' : 'service';
    const running = this.#running[role];
    if (running === null) return failure(this.#gaveUp ? GAVE_UP_MESSAGE : RESTARTED_MESSAGE);
    try {
      await running.ready;
      return await running.rpc.ask<IpcResult<unknown>>(ASK.call, { channel, args });
    } catch {
      return failure(this.#gaveUp ? GAVE_UP_MESSAGE : RESTARTED_MESSAGE);
    }
  }

  /** The OS's network signal (kept for a restarted service). */
  setOsOnline(online: boolean): void {
    this.#online = online;
    this.#running.service?.rpc.tell(TELL.online, online);
  }

  /** Resolves once no sync or push runs (an update restart waits for it). */
  async whenIdle(): Promise<void> {
    const service = this.#running.service;
    if (service === null) return;
    await service.ready;
    await service.rpc.ask(ASK.whenIdle);
  }

  /** The demo server of a demo sign-in, when it runs on this thread (demoOnDoorThread). */
  get demoServer(): DemoServer | null {
    return this.#demo;
  }

  /** The threads themselves, for tests and the benchmark (one stopped from outside is a crash here). */
  threads(): Readonly<Record<Role, Worker | null>> {
    return { service: this.#running.service?.worker ?? null, reader: this.#running.reader?.worker ?? null };
  }

  /** Stops the service (closing the account), then both threads and the demo server. */
  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    const { service, reader } = this.#running;
    if (service !== null) {
      try {
        await service.ready;
        await service.rpc.ask(ASK.close);
      } catch (error) {
        this.#log.warn('The service thread did not close cleanly', error);
      }
    }
    await Promise.all([service?.worker.terminate(), reader?.worker.terminate()]);
    this.#running.service = null;
    this.#running.reader = null;
    await this.#demo?.close();
    this.#demo = null;
  }

  #startService(): Running {
    const data: ServiceThreadData = {
      dataDir: this.#opts.dataDir,
      host: this.#opts.host,
      version: this.#opts.version,
      secretsKind: this.#opts.secrets.kind,
      keychainWarning: this.#opts.keychainWarning ?? null,
      fetchThroughParent: this.#opts.fetch !== undefined,
      demoThroughParent: this.#opts.demoOnDoorThread === true,
      sqliteBinding: this.#opts.sqliteBinding ?? null,
      validateResults: this.#opts.validateResults === true,
      tuning: this.#opts.tuning ?? {},
    };
    const running = this.#spawn('service', this.#opts.entries.service, data, (rpc) => {
      serveSecrets(rpc, this.#opts.secrets);
      if (this.#opts.fetch) serveFetch(rpc, this.#opts.fetch);
      rpc.handle(ASK.openExternal, async ({ url }: { url: string }) => {
        await this.#opts.openExternal(url);
        return null;
      });
      rpc.handle(ASK.demoStart, (opts: { port: number; recordings?: number }) => this.#startDemo(opts));
      rpc.handle(ASK.demoClose, async () => {
        const demo = this.#demo;
        this.#demo = null;
        await demo?.close();
        return null;
      });
      rpc.handle(ASK.readerOpen, async () => {
        this.#cache = null;
        await this.#openInReader(null);
        return null;
      });
      rpc.onTell(TELL.cache, (cache: CacheRef | null) => {
        this.#cache = cache;
        void this.#openInReader(cache).catch((error: unknown) =>
          this.#log.warn('The reader thread could not open the cache', error),
        );
      });
      rpc.onTell(TELL.event, ({ event, payload }: { event: EventChannel; payload: unknown }) =>
        this.#emit(event, payload as EventOf<EventChannel>),
      );
    });
    this.#running.service = running;
    if (this.#online !== null) running.rpc.tell(TELL.online, this.#online);
    return running;
  }

  #startReader(): Running {
    const data: ReaderThreadData = {
      sqliteBinding: this.#opts.sqliteBinding ?? null,
      validateResults: this.#opts.validateResults === true,
    };
    const running = this.#spawn('reader', this.#opts.entries.reader, data, () => undefined);
    this.#running.reader = running;
    // A restarted reader opens the active cache again before it takes a call.
    const cache = this.#cache;
    if (cache !== null) {
      running.ready = running.ready.then(() => running.rpc.ask(ASK.readerOpen, cache));
      running.ready.catch(() => undefined);
    }
    return running;
  }

  #spawn(role: Role, entry: string | URL, workerData: unknown, serve: (rpc: Rpc) => void): Running {
    const worker = new Worker(entry, {
      workerData,
      name: `screendesk-${role}`,
      ...(this.#opts.entries.execArgv ? { execArgv: this.#opts.entries.execArgv } : {}),
    });
    const rpc = new Rpc(worker);
    serveLog(rpc, this.#log, role);
    serve(rpc);
    let failure: unknown = null;
    worker.on('error', (error) => {
      failure = error;
      this.#log.error(`The ${role} thread stopped on an error`, error);
    });
    const ready =
      role === 'reader'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            rpc.onTell(TELL.ready, () => resolve());
            worker.once('exit', () =>
              reject(
                failure instanceof Error ? failure : new Error(`The ${role} thread stopped while starting`),
              ),
            );
          });
    ready.catch(() => undefined);
    const running: Running = { worker, rpc, ready };
    worker.once('exit', (code) => this.#exited(role, running, code));
    return running;
  }

  #exited(role: Role, running: Running, code: number): void {
    running.rpc.failAll(new Error(RESTARTED_MESSAGE));
    if (this.#closing || this.#running[role] !== running) return;
    this.#running[role] = null;
    this.#log.error(`The ${role} thread stopped unexpectedly (exit code ${code})`);
    const now = Date.now();
    this.#stops.push(now);
    while (this.#stops.length > 0 && (this.#stops[0] ?? now) < now - 60_000) this.#stops.shift();
    if (this.#stops.length >= RESTARTS_PER_MINUTE) {
      this.#gaveUp = true;
      this.#emit('service:restarted', { message: GAVE_UP_MESSAGE });
      return;
    }
    const restarted = role === 'service' ? this.#startService() : this.#startReader();
    void restarted.ready.then(
      () => this.#emit('service:restarted', { message: RESTARTED_MESSAGE }),
      (error: unknown) => this.#log.error(`The ${role} thread could not start again`, error),
    );
  }

  async #openInReader(cache: CacheRef | null): Promise<void> {
    const reader = this.#running.reader;
    if (reader === null) return;
    await reader.ready;
    await reader.rpc.ask(ASK.readerOpen, cache);
  }

  async #startDemo(opts: {
    port: number;
    recordings?: number;
  }): Promise<{ url: string; adminToken: string }> {
    await this.#demo?.close();
    this.#demo = await startDemoServer(opts);
    return { url: this.#demo.url, adminToken: this.#demo.adminToken };
  }

  // A sink that throws (a window closing mid-send) must not stop the relay.
  #emit<E extends EventChannel>(event: E, payload: EventOf<E>): void {
    try {
      this.#opts.events(event, payload);
    } catch (error) {
      this.#log.warn(`Could not deliver the ${event} event`, error);
    }
  }
}

function failure(message: string): IpcResult<unknown> {
  return { ok: false, error: { code: 'internal', message } };
}
