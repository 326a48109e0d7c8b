// What the door's thread hands each thread when it starts it (workerData), and the names of the asks
// and notices the threads exchange (rpc.ts) beyond the bridges' own (fetch, secrets, log).
import type { AppInfo } from '../../shared/contract';
import type { SessionClientOptions } from '../service/accounts';

/** Plain-data tuning of the service (what tests shorten); functions cannot cross to a thread. */
export interface ServiceTuning {
  client?: SessionClientOptions;
  probeIntervalMs?: number;
  demoRecordings?: number;
}

/** workerData of the service thread. */
export interface ServiceThreadData {
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  secretsKind: 'keychain' | 'memory';
  keychainWarning: string | null;
  /** The door makes the HTTP requests (Electron's net.request); else the thread's own fetch. */
  fetchThroughParent: boolean;
  /** The door runs the demo server (the browser host, where tests reach it); else the thread does. */
  demoThroughParent: boolean;
  /** better-sqlite3's addon for this runtime (Electron's build), or null for node_modules'. */
  sqliteBinding: string | null;
  /** Check results against the contract (development and tests). */
  validateResults: boolean;
  tuning: ServiceTuning;
}

/** workerData of the reader thread. */
export interface ReaderThreadData {
  sqliteBinding: string | null;
  validateResults: boolean;
}

/** Asks and notices between the door's thread and the service or reader thread. */
export const ASK = {
  /** door → thread: one request channel through dispatch; answers an IpcResult. */
  call: 'call',
  /** door → service: resolves once no sync or push runs. */
  whenIdle: 'whenIdle',
  /** door → service: stop the service and close the account. */
  close: 'close',
  /** service → door: open an https link (after the service's own link check). */
  openExternal: 'openExternal',
  /** service → door: start or stop the demo server (demoThroughParent). */
  demoStart: 'demo.start',
  demoClose: 'demo.close',
  /** service → door → reader: let go of the cache (before it closes); door → reader: open this one. */
  readerOpen: 'reader.open',
} as const;

export const TELL = {
  /** service → door: started; calls may come. */
  ready: 'ready',
  /** service → door: an event for the window. */
  event: 'event',
  /** door → service: the OS's network signal. */
  online: 'online',
  /** service → door: the active account's cache changed (the door tells the reader). */
  cache: 'cache',
} as const;
