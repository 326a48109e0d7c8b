// Starting the service for a door: on its threads (relay.ts), or, when a thread cannot start at all (its
// code missing or refused by the runtime: something a packaged build could get wrong where the tests
// cannot see it), on the door's own thread as before, with the reason in the log. The app then still
// works, only without the relief of the threads.
import type { DesktopServiceOptions } from '../service/desktop-service';
import { DesktopService } from '../service/desktop-service';
import { dispatch, toIpcError } from '../ipc';
import type { ServiceDoor } from '../ipc';
import { ServiceThreads } from './relay';
import type { ServiceThreadsOptions } from './relay';

/** A running service as its door drives it. */
export interface RunningService extends ServiceDoor {
  /** The OS's network signal. */
  setOsOnline(online: boolean): void;
  /** Resolves once no sync or push runs (an update restart waits for it). */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

/** The service on its threads, or on this thread when they cannot start. */
export async function startService(opts: ServiceThreadsOptions): Promise<RunningService> {
  try {
    return await ServiceThreads.start(opts);
  } catch (error) {
    opts.log.error(
      'The service’s threads could not start: the service runs on the main thread instead',
      error,
    );
  }
  const { tuning = {}, ...door } = opts;
  const options: DesktopServiceOptions = {
    dataDir: door.dataDir,
    secrets: door.secrets,
    keychainWarning: door.keychainWarning ?? null,
    events: door.events,
    host: door.host,
    version: door.version,
    openExternal: door.openExternal,
    fetch: door.fetch,
    log: door.log,
    updates: door.updates,
    describeError: toIpcError,
    ...tuning,
  };
  const service = new DesktopService(options);
  await service.start();
  return {
    call: (channel, args) =>
      dispatch(service, channel, args, { log: opts.log, validateResults: opts.validateResults }),
    setOsOnline: (online) => service.setOsOnline(online),
    whenIdle: () => service.whenIdle(),
    close: () => service.close(),
  };
}
