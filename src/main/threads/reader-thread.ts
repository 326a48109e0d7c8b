// The reader thread: searches and the detail view on a read-only connection of their own (WAL: they read
// the last committed snapshot and never wait for the service thread's writes), so typing in the search
// box stays fast while a sync stores pages. The door's thread tells it which account's cache is active
// (the service says so at every switch) and relays the window's read calls here. A worker entry.
import { parentPort, workerData } from 'node:worker_threads';
import type { CacheRef } from '../cache-reader';
import { CacheReader } from '../cache-reader';
import { setSqliteNativeBinding } from '../db/open';
import { dispatch } from '../ipc';
import { readChannels } from '../service/read-channels';
import { notSignedIn } from '../service/errors';
import { ASK } from './protocol';
import type { ReaderThreadData } from './protocol';
import { Rpc } from './rpc';
import { loggerThroughParent } from './thread-logger';

if (parentPort === null) throw new Error('reader-thread.ts runs as a worker thread only');
const data = workerData as ReaderThreadData;
const rpc = new Rpc(parentPort);
const log = loggerThroughParent(rpc);
setSqliteNativeBinding(data.sqliteBinding ?? undefined);

let reader: CacheReader | null = null;
// Why the active cache could not be opened here: every read answers it (as the service would).
let openError: unknown = null;
const handlers = readChannels(() => {
  if (openError !== null) throw openError;
  if (reader === null) throw notSignedIn();
  return reader;
});

rpc.handle(ASK.readerOpen, (cache: CacheRef | null) => {
  reader?.close();
  reader = null;
  openError = null;
  if (cache === null) return null;
  try {
    reader = new CacheReader(cache);
  } catch (error) {
    openError = error;
    throw error;
  }
  return null;
});
rpc.handle(ASK.call, ({ channel, args }: { channel: unknown; args: unknown }) =>
  dispatch(handlers, channel, args, { log, validateResults: data.validateResults }),
);
