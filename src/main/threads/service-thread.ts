// The service's thread: the DesktopService with the account's writing connection, its sync, its index
// merges, off the thread that runs the door's event loop (Electron's main loop and every IPC call; the
// browser host's WebSocket). The door's thread starts it (relay.ts), relays each call here and each event
// back, and keeps what must stay with the door: the keychain, the network stack in the app, opening
// links. A worker entry: it runs when loaded as a thread, never imported.
import { parentPort, workerData } from 'node:worker_threads';
import type { EventChannel, EventOf } from '../../shared/contract';
import type { CacheRef } from '../cache-reader';
import { setSqliteNativeBinding } from '../db/open';
import { dispatch, toIpcError } from '../ipc';
import { DesktopService } from '../service/desktop-service';
import type { DemoHandle } from '../service/accounts';
import { SecretsThroughParent } from './bridged-secrets';
import { fetchThroughParent } from './bridged-fetch';
import { ASK, TELL } from './protocol';
import type { ServiceThreadData } from './protocol';
import { Rpc } from './rpc';
import { loggerThroughParent } from './thread-logger';
import { runThisThreadInBackground } from './thread-priority';

if (parentPort === null) throw new Error('service-thread.ts runs as a worker thread only');
const data = workerData as ServiceThreadData;
const rpc = new Rpc(parentPort);
const log = loggerThroughParent(rpc);
setSqliteNativeBinding(data.sqliteBinding ?? undefined);
runThisThreadInBackground();

const service = new DesktopService({
  dataDir: data.dataDir,
  secrets: new SecretsThroughParent(data.secretsKind, rpc),
  keychainWarning: data.keychainWarning,
  events: <E extends EventChannel>(event: E, payload: EventOf<E>) => rpc.tell(TELL.event, { event, payload }),
  host: data.host,
  version: data.version,
  openExternal: (url) => rpc.ask(ASK.openExternal, { url }),
  fetch: data.fetchThroughParent ? fetchThroughParent(rpc) : undefined,
  log,
  client: data.tuning.client,
  probeIntervalMs: data.tuning.probeIntervalMs,
  demoRecordings: data.tuning.demoRecordings,
  startDemo: data.demoThroughParent ? startDemoThroughParent : undefined,
  readers: {
    open: (cache: CacheRef | null) => rpc.tell(TELL.cache, cache),
    release: () => rpc.ask(ASK.readerOpen, null),
  },
  describeError: toIpcError,
});

rpc.handle(ASK.call, ({ channel, args }: { channel: unknown; args: unknown }) =>
  dispatch(service, channel, args, { log, validateResults: data.validateResults }),
);
rpc.handle(ASK.whenIdle, () => service.whenIdle());
rpc.handle(ASK.close, async () => {
  await service.close();
  return null;
});
rpc.onTell(TELL.online, (online: boolean) => service.setOsOnline(online));

async function startDemoThroughParent(opts: { port: number; recordings?: number }): Promise<DemoHandle> {
  const started = await rpc.ask<{ url: string; adminToken: string }>(ASK.demoStart, opts);
  return { ...started, close: () => rpc.ask(ASK.demoClose, null) };
}

await service.start();
rpc.tell(TELL.ready);
